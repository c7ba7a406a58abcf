import type { Database } from 'better-sqlite3'
import { DEFAULT_SCALE_LABELS } from '@shared/barcodes/scale-label'
import type { StoreProfile } from '@shared/contract'
import { systemTimeZone } from '@shared/contract/channels/settings'
import { noReadCache, type ReadCache } from '../read-cache'

interface ProfileRow {
  store_name: string
  currency: string
  locale: string
  rounding: string
  tax_mode: string
  cash_increment: string | null
  cash_rounding_mode: string
  time_zone: string
  scale_labels: string | null
}

/** The stored row as the profile the services use. */
function profileOf(row: ProfileRow): StoreProfile {
  return {
    storeName: row.store_name,
    currency: row.currency,
    locale: row.locale as StoreProfile['locale'],
    rounding: row.rounding as StoreProfile['rounding'],
    taxMode: row.tax_mode as StoreProfile['taxMode'],
    cashIncrement: row.cash_increment,
    cashRoundingMode: row.cash_rounding_mode as StoreProfile['cashRoundingMode'],
    timeZone: row.time_zone === '' ? systemTimeZone() : row.time_zone,
    scaleLabels:
      row.scale_labels === null
        ? DEFAULT_SCALE_LABELS
        : (JSON.parse(row.scale_labels) as NonNullable<StoreProfile['scaleLabels']>)
  }
}

/** The store profile (one row). Read by every sale: kept in `cache` until written. */
export function createSettingsRepo(db: Database, cache: ReadCache = noReadCache) {
  const select = db.prepare<[], ProfileRow>(
    `SELECT store_name, currency, locale, rounding, tax_mode, cash_increment, cash_rounding_mode, time_zone,
       scale_labels FROM store_profile WHERE id = 1`
  )
  const upsert = db.prepare(`
    INSERT INTO store_profile (id, store_name, currency, locale, rounding, tax_mode, cash_increment,
      cash_rounding_mode, time_zone, scale_labels, updated_at)
    VALUES (1, @storeName, @currency, @locale, @rounding, @taxMode, @cashIncrement, @cashRoundingMode,
      @timeZone, @scaleLabels, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET
      store_name = excluded.store_name, currency = excluded.currency, locale = excluded.locale,
      rounding = excluded.rounding, tax_mode = excluded.tax_mode,
      cash_increment = excluded.cash_increment, cash_rounding_mode = excluded.cash_rounding_mode,
      time_zone = excluded.time_zone, scale_labels = excluded.scale_labels, updated_at = excluded.updated_at
  `)

  return {
    getProfile(): StoreProfile | null {
      const stored = cache.memo('store-profile', () => {
        const row = select.get()
        return row ? { profile: profileOf(row), systemZone: row.time_zone === '' } : null
      })
      if (!stored) return null
      // No zone saved follows the computer's, which may change while the till runs.
      return stored.systemZone ? { ...stored.profile, timeZone: systemTimeZone() } : { ...stored.profile }
    },
    /** Saves every field; a profile without a time zone or scale labels keeps the saved ones. */
    saveProfile(profile: StoreProfile, updatedAt: string): void {
      const before = select.get()
      upsert.run({
        storeName: profile.storeName,
        currency: profile.currency,
        locale: profile.locale,
        rounding: profile.rounding,
        taxMode: profile.taxMode,
        cashIncrement: profile.cashIncrement,
        cashRoundingMode: profile.cashRoundingMode,
        timeZone: profile.timeZone ?? (before?.time_zone || systemTimeZone()),
        scaleLabels:
          profile.scaleLabels === undefined
            ? (before?.scale_labels ?? null)
            : JSON.stringify(profile.scaleLabels),
        updatedAt
      })
    }
  }
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>
