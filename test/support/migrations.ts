import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate, schemaVersion } from '../../src/main/store/migrate'
import { migrations } from '../../src/main/store/migrations'
import { afterEach } from 'vitest'
import { tempDir } from './temp-dir'

const opened: Database[] = []
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close()
})

export interface FileBeforeMigration {
  /** The open file, at the version just below the migration under test. */
  db: Database
  file: string
  /** Runs the migration under test (and only it), as opening the store does, in one transaction. */
  upgrade(): number[]
}

/**
 * A real SQLite file in a temp dir at the schema just before migration `version` (every earlier
 * migration applied, foreign keys on, as the store opens it). Put rows in with `db`, call
 * `upgrade()`, then assert the rows. For a new migration NNNN:
 *
 *   const { db, upgrade } = fileBefore(NNNN)
 *   db.exec(`INSERT INTO … `)
 *   expect(upgrade()).toEqual([NNNN])
 *   expect(db.prepare('SELECT …').all()).toEqual([…])
 */
export function fileBefore(version: number): FileBeforeMigration {
  if (!migrations.some((m) => m.version === version)) throw new Error(`no migration ${version}`)
  const file = join(tempDir('kassa-migration-'), 'kassa.sqlite')
  const db = new BetterSqlite3(file)
  db.pragma('foreign_keys = ON')
  opened.push(db)
  migrate(
    db,
    migrations.filter((m) => m.version < version)
  )
  return {
    db,
    file,
    upgrade() {
      const applied = migrate(
        db,
        migrations.filter((m) => m.version <= version)
      )
      if (schemaVersion(db) !== version)
        throw new Error(`expected version ${version}, at ${schemaVersion(db)}`)
      return applied
    }
  }
}
