import type { Database } from 'better-sqlite3'
import type { SecuritySettings } from '@shared/contract'
import { noReadCache, type ReadCache } from '../read-cache'

interface Row {
  idle_lock_minutes: number
  max_failed_attempts: number
  lockout_minutes: number
}

/**
 * The till's sign-in rules (one row, seeded with defaults by the accounts migration). The role gate
 * reads them on every call: kept in `cache` until written.
 */
export function createSecurityRepo(db: Database, cache: ReadCache = noReadCache) {
  const select = db.prepare<[], Row>(
    'SELECT idle_lock_minutes, max_failed_attempts, lockout_minutes FROM security_settings WHERE id = 1'
  )
  const save = db.prepare(`
    UPDATE security_settings SET idle_lock_minutes = @idleLockMinutes, max_failed_attempts = @maxFailedAttempts,
      lockout_minutes = @lockoutMinutes WHERE id = 1
  `)
  return {
    get(): SecuritySettings {
      return cache.memo('security', () => {
        const row = select.get()!
        return {
          idleLockMinutes: row.idle_lock_minutes,
          maxFailedAttempts: row.max_failed_attempts,
          lockoutMinutes: row.lockout_minutes
        }
      })
    },
    save(settings: SecuritySettings): void {
      save.run(settings)
    }
  }
}

export type SecurityRepo = ReturnType<typeof createSecurityRepo>
