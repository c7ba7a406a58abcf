import { join } from 'node:path'
import { migrateHq } from './migrate'
import { openPostgresDatabase } from './postgres'
import { openSqliteDatabase } from './sqlite'
import type { HqDatabase } from './types'

/** The embedded store's file inside the head office's data directory. */
export const HQ_DATABASE_FILE = 'kassa-hq.sqlite'

/**
 * Opens the head office's store — PostgreSQL when a URL is given, else the embedded SQLite file in
 * `dataDir` — and migrates it forward.
 */
export async function openHqDatabase(options: {
  dataDir: string
  databaseUrl?: string | undefined
}): Promise<HqDatabase> {
  const db = options.databaseUrl
    ? openPostgresDatabase(options.databaseUrl)
    : openSqliteDatabase(join(options.dataDir, HQ_DATABASE_FILE))
  try {
    await migrateHq(db)
    return db
  } catch (error) {
    await db.close()
    throw error
  }
}
