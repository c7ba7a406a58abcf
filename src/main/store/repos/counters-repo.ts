import type { Database } from 'better-sqlite3'

/** Gap-free per-terminal sequences (order numbers, refund numbers). Call inside a transaction. */
export function createCountersRepo(db: Database) {
  const bump = db.prepare<[string], { value: number }>(
    'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value'
  )
  return {
    next(name: string): number {
      return bump.get(name)!.value
    }
  }
}

export type CountersRepo = ReturnType<typeof createCountersRepo>
