import { hqMigrations } from './migrations'
import type { HqMigration } from './migrations/types'
import type { HqDatabase } from './types'

/** The store was written by a newer head office: nothing is changed. */
export class HqSchemaTooNewError extends Error {
  override readonly name = 'HqSchemaTooNewError'
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction with
 * its record, up to `upTo` (all by default). Returns the versions applied.
 * Throws `HqSchemaTooNewError` when the store holds a version this code does not know.
 */
export async function migrateHq(
  db: HqDatabase,
  options: { migrations?: readonly HqMigration[]; upTo?: number } = {}
): Promise<number[]> {
  const migrations = options.migrations ?? hqMigrations
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'
  )
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) =>
      Number(row.version)
    )
  )
  const newest = Math.max(0, ...done)
  const known = Math.max(0, ...migrations.map((m) => m.version))
  if (newest > known) {
    throw new HqSchemaTooNewError(
      `the head-office store is at version ${newest}; this Kassa knows up to ${known}`
    )
  }
  const applied: number[] = []
  for (const migration of migrations) {
    if (done.has(migration.version) || migration.version > (options.upTo ?? Infinity)) continue
    await db.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.run(statement)
      if (migration.backfill) await migration.backfill(tx)
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString()
      ])
    })
    applied.push(migration.version)
  }
  return applied
}
