import type { Database } from 'better-sqlite3'
import type { ReceiptSettings } from '@shared/contract/channels/receipt-settings'

interface ReceiptSettingsRow {
  address: string
  phone: string
  tax_id: string
  paper: string
}

/** The one row of receipt settings (migration 0100). */
export function createReceiptSettingsRepo(db: Database) {
  const select = db.prepare<[], ReceiptSettingsRow>(
    'SELECT address, phone, tax_id, paper FROM receipt_settings WHERE id = 1'
  )
  const update = db.prepare(
    'UPDATE receipt_settings SET address = @address, phone = @phone, tax_id = @taxId, paper = @paper, updated_at = @updatedAt WHERE id = 1'
  )
  return {
    get(): ReceiptSettings {
      const row = select.get()!
      return {
        address: row.address,
        phone: row.phone,
        taxId: row.tax_id,
        paper: row.paper as ReceiptSettings['paper']
      }
    },
    save(settings: ReceiptSettings, updatedAt: string): void {
      update.run({ ...settings, updatedAt })
    }
  }
}

export type ReceiptSettingsRepo = ReturnType<typeof createReceiptSettingsRepo>
