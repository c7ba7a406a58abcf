import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from 'better-sqlite3'
import { fsyncDirectory, mkdirDurably } from '../fs/durable-file'
import { backupDatabase } from './backup'
import { openConnection } from './connection'
import { DatabaseDamagedError } from './errors'
import { migrate, pendingMigrations } from './migrate'
import { migrations as allMigrations } from './migrations'
import type { Migration } from './migrations/types'

export interface OpenOptions {
  backupDir: string
  migrations?: readonly Migration[]
}

export interface OpenedDatabase {
  db: Database
  /** Versions applied during this open. */
  applied: number[]
  /** The backup taken before migrating an existing file, if one was needed. */
  backupFile: string | null
}

/**
 * Opens (or creates) the shop's SQLite file: checks it is healthy, backs it up before
 * any migration touches it, then migrates it forward.
 */
export async function openDatabase(file: string, options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations
  mkdirDurably(dirname(file))
  const existed = existsSync(file) && statSync(file).size > 0

  let db: Database
  try {
    db = openConnection(file)
    // SQLite fsyncs the directory for its journals, not for a new main file: make its name durable.
    if (!existed) fsyncDirectory(dirname(file))
    assertHealthy(db, file)
  } catch (error) {
    if (error instanceof DatabaseDamagedError) throw error
    throw new DatabaseDamagedError(describe(error), file)
  }

  try {
    let backupFile: string | null = null
    if (existed && pendingMigrations(db, migrations).length > 0) {
      backupFile = await backupDatabase(db, options.backupDir, { reason: 'before-migration' })
    }
    const applied = migrate(db, migrations)
    return { db, applied, backupFile }
  } catch (error) {
    db.close()
    throw error
  }
}

function assertHealthy(db: Database, file: string): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  if (problems.length > 0) throw new DatabaseDamagedError(problems.slice(0, 3).join('; '), file)
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return /not a database|malformed|corrupt/i.test(message) ? `The file is damaged: ${message}` : message
}
