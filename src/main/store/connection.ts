import BetterSqlite3, { type Database } from 'better-sqlite3'

type ConnectionListener = (db: Database, file: string) => void
const listeners = new Set<ConnectionListener>()

/**
 * Calls `listener` with every connection opened from now on, right after it is configured;
 * returns the unsubscribe. For the guard test, which checks every connection an entry point
 * opens (the app, the CLI, report connections, the backup check) reports FULL and WAL.
 */
/**
 * The one place Kassa opens a SQLite connection (a guard test fails on any other
 * `new BetterSqlite3(` in src). Every connection gets the same durability settings, because
 * better-sqlite3 is built with WAL's default `synchronous` at NORMAL: a connection that forgets
 * the pragma silently stops surviving power cuts (a committed sale can vanish).
 *
 * - `journal_mode = WAL`: readers run beside the writer (read-only connections keep the file's
 *   mode, which Kassa's files always have as WAL);
 * - `synchronous = FULL` (2): every commit is fsynced before it is acknowledged;
 * - `foreign_keys = ON`, `busy_timeout = 5000` ms.
 *
 * Throws better-sqlite3's errors unchanged (a damaged or missing file; callers decide).
 */
export function openConnection(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {}
): Database {
  const db = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? options.readonly ?? false
  })
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
  } catch (error) {
    db.close()
    throw error
  }
  for (const listener of listeners) listener(db, file)
  return db
}

export function onConnectionOpened(listener: ConnectionListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** What every connection of Kassa's must report (the guard test and the power-cut test check it). */
export const EXPECTED_DURABILITY = { synchronous: 2, journalMode: 'wal' } as const

/** A connection's durability settings, as SQLite reports them. */
export function durabilityOf(db: Database): { synchronous: number; journalMode: string } {
  return {
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    journalMode: String(db.pragma('journal_mode', { simple: true }))
  }
}
