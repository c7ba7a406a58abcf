import { gtinLookupKey } from '../../../shared/barcodes/gtin'
import type { Migration } from './types'

/**
 * One item, several spellings: UPC-A `012345678905`, EAN-13 `0012345678905` and GTIN-14
 * `00012345678905` are the same GTIN. Each barcode keeps what was typed and gains its lookup key
 * (the 14-digit form of a GTIN, an in-store code as it is), indexed for the scanner.
 */
export const migration0121BarcodeLookupKey: Migration = {
  version: 121,
  name: 'barcode-lookup-key',
  up(db) {
    db.exec("ALTER TABLE product_barcodes ADD COLUMN lookup_key TEXT NOT NULL DEFAULT ''")
    const rows = db.prepare<[], { barcode: string }>('SELECT barcode FROM product_barcodes').all()
    const set = db.prepare<[string, string]>('UPDATE product_barcodes SET lookup_key = ? WHERE barcode = ?')
    for (const { barcode } of rows) set.run(gtinLookupKey(barcode), barcode)
    db.exec('CREATE INDEX product_barcodes_lookup ON product_barcodes (lookup_key)')
  }
}
