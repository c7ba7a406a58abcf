import type { Database } from 'better-sqlite3'
import { noReadCache, type ReadCache } from '../read-cache'

/** Per-terminal key/value preferences (interface language, the till's code), kept in `cache` until written. */
export function createPreferencesRepo(db: Database, cache: ReadCache = noReadCache) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM preferences WHERE key = ?')
  const upsert = db.prepare(
    'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  )
  return {
    get(key: string): string | null {
      return cache.memo(`preference:${key}`, () => select.get(key)?.value ?? null)
    },
    set(key: string, value: string): void {
      upsert.run(key, value)
    }
  }
}

export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>
