import type { Database } from 'better-sqlite3'
import { DatabaseTooNewError } from './errors'
import type { Migration } from './migrations/types'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function pendingMigrations(db: Database, all: readonly Migration[]): Migration[] {
  const current = schemaVersion(db)
  const latest = all.length ? all[all.length - 1]!.version : 0
  if (current > latest) throw new DatabaseTooNewError(current, latest)
  return all.filter((m) => m.version > current)
}

/** Applies the pending steps in one transaction: the file ends fully migrated or untouched. */
export function migrate(db: Database, all: readonly Migration[]): number[] {
  const pending = pendingMigrations(db, all)
  if (pending.length === 0) return []
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
  }).immediate()
  return pending.map((m) => m.version)
}
