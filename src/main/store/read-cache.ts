import type { Database } from 'better-sqlite3'

/**
 * Rows read on every call but written rarely, and only by someone saving them: the store profile,
 * the sign-in rules, a user's row (the role gate reads it on every call), preferences (the till's
 * code) and the open shift. The checkout read them afresh each time (issue 12: ~40 µs a sale).
 */
export const CACHED_TABLES = ['store_profile', 'security_settings', 'users', 'preferences', 'shifts'] as const

export interface ReadCache {
  /**
   * The value remembered under `key`, else `load()` (remembered unless this connection has written a
   * cached table in the transaction still open). A copy of `load()`'s result is what callers get
   * when it is an object, so a caller that changes its row cannot change the cache.
   */
  memo<T>(key: string, load: () => T): T
  /** Runs `transaction` (the store's IMMEDIATE transaction, or a savepoint inside it) under the cache's watch. */
  around<T>(transaction: () => T): T
}

/** No caching: every `memo` loads. For repos built outside `createStore`. */
export const noReadCache: ReadCache = { memo: (_key, load) => load(), around: (transaction) => transaction() }

const copy = <T>(value: T): T =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : value

/**
 * A read cache over `db` that can never serve what the file no longer holds, because it is dropped
 * - by any write to a cached table through this connection, whichever repo or service made it (a
 *   temporary trigger per table and statement kind, so the head office's master-data pull and every
 *   service alike): TEMP triggers live in this connection only and change nothing in the file;
 * - by any commit of another connection (`PRAGMA data_version` changes: the CLI, a report connection);
 * - and it remembers nothing while a transaction that wrote a cached table is open, so a rollback
 *   cannot leave uncommitted rows in it (`around` the store's transactions).
 */
export function createReadCache(db: Database): ReadCache {
  // One per connection: a second store over the same connection shares it (its triggers call one function).
  let cache = caches.get(db)
  if (!cache) {
    cache = newReadCache(db)
    caches.set(db, cache)
  }
  return cache
}

const caches = new WeakMap<Database, ReadCache>()

function newReadCache(db: Database): ReadCache {
  const entries = new Map<string, unknown>()
  // A cached table was written and the transaction that did it may not have ended yet.
  let written = false
  const version = db.prepare<[], number>('PRAGMA data_version').pluck()
  let seen = version.get()
  // data_version is looked at by every read outside a transaction, and once per store transaction
  // (inside an IMMEDIATE transaction no other connection can commit).
  let inStoreTransaction = false
  let checked = false
  db.function('kassa_read_cache_drop', { deterministic: false }, () => {
    entries.clear()
    written = true
    return null
  })
  for (const table of CACHED_TABLES)
    for (const kind of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS kassa_read_cache_${table}_${kind.toLowerCase()}
         AFTER ${kind} ON main.${table} BEGIN SELECT kassa_read_cache_drop(); END`
      )
  const settle = (): void => {
    if (!written) return
    entries.clear()
    written = false
  }
  return {
    memo<T>(key: string, load: () => T): T {
      const inTransaction = db.inTransaction
      if (written) {
        if (inTransaction) return load()
        settle()
      }
      if (!checked) {
        const now = version.get()
        if (now !== seen) {
          seen = now
          entries.clear()
        }
        checked = inStoreTransaction
      }
      if (entries.has(key)) return copy(entries.get(key) as T)
      const value = load()
      entries.set(key, value)
      return copy(value)
    },
    around<T>(transaction: () => T): T {
      if (inStoreTransaction) return transaction()
      inStoreTransaction = true
      // Its snapshot starts now: looked at afresh by its first read.
      checked = false
      try {
        return transaction()
      } finally {
        inStoreTransaction = false
        checked = false
        if (!db.inTransaction) settle()
      }
    }
  }
}
