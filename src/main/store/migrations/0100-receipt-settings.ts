import type { Migration } from './types'

/**
 * What the receipt carries beyond the store's name — its address, phone and tax ID (a Chinese
 * fapiao-style receipt names the seller's 纳税人识别号) — and the paper it prints on: an 80 mm or
 * 58 mm thermal roll, or A4. One row, like the store profile; blank until the owner fills it in.
 */
export const migration0100ReceiptSettings: Migration = {
  version: 100,
  name: 'receipt-settings',
  up(db) {
    db.exec(`
      CREATE TABLE receipt_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        tax_id TEXT NOT NULL DEFAULT '',
        paper TEXT NOT NULL DEFAULT '80mm' CHECK (paper IN ('80mm', '58mm', 'A4')),
        updated_at TEXT
      );
      INSERT INTO receipt_settings (id) VALUES (1);
    `)
  }
}
