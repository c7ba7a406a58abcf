import type { Migration } from './types'

/**
 * The store's time zone (IANA, e.g. `Asia/Shanghai`): business days, hours and printed times follow
 * it whatever zone the machine runs in. A store that existed before keeps the zone it has been
 * running in (this machine's), so no past day moves.
 */
export const migration0123StoreTimeZone: Migration = {
  version: 123,
  name: 'store-time-zone',
  up(db) {
    db.exec("ALTER TABLE store_profile ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''")
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    db.prepare('UPDATE store_profile SET time_zone = ?').run(zone)
  }
}
