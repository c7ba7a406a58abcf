import type { Database } from 'better-sqlite3'

/** Per-terminal key/value preferences (interface language and the like). */
export function createPreferencesRepo(db: Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM preferences WHERE key = ?')
  const upsert = db.prepare(
    'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  )
  return {
    get(key: string): string | null {
      return select.get(key)?.value ?? null
    },
    set(key: string, value: string): void {
      upsert.run(key, value)
    }
  }
}

export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>
