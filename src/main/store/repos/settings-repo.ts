import type { Database } from 'better-sqlite3'
import type { StoreProfile } from '@shared/contract'

interface ProfileRow {
  store_name: string
  currency: string
  locale: string
  rounding: string
  tax_mode: string
  cash_increment: string | null
}

export function createSettingsRepo(db: Database) {
  const select = db.prepare<[], ProfileRow>(
    'SELECT store_name, currency, locale, rounding, tax_mode, cash_increment FROM store_profile WHERE id = 1'
  )
  const upsert = db.prepare(`
    INSERT INTO store_profile (id, store_name, currency, locale, rounding, tax_mode, cash_increment, updated_at)
    VALUES (1, @storeName, @currency, @locale, @rounding, @taxMode, @cashIncrement, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET
      store_name = excluded.store_name, currency = excluded.currency, locale = excluded.locale,
      rounding = excluded.rounding, tax_mode = excluded.tax_mode,
      cash_increment = excluded.cash_increment, updated_at = excluded.updated_at
  `)

  return {
    getProfile(): StoreProfile | null {
      const row = select.get()
      if (!row) return null
      return {
        storeName: row.store_name,
        currency: row.currency,
        locale: row.locale as StoreProfile['locale'],
        rounding: row.rounding as StoreProfile['rounding'],
        taxMode: row.tax_mode as StoreProfile['taxMode'],
        cashIncrement: row.cash_increment
      }
    },
    saveProfile(profile: StoreProfile, updatedAt: string): void {
      upsert.run({ ...profile, updatedAt })
    }
  }
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>
