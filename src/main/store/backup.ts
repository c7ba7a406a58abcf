import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { fsyncDirectory, mkdirDurably, renameDurably } from '../fs/durable-file'
import { openConnection } from './connection'

/** Extra files SQLite may leave beside a database (a killed backup leaves a journal). */
const SIDE_FILES = ['-journal', '-wal', '-shm']

/**
 * Online backup with `db.backup()` (consistent even while WAL is in use), named so that names
 * sort by time, keeping the newest `keep` good files. Power-cut safe: SQLite writes the copy to
 * a hidden temporary name; the copy is checked (`PRAGMA quick_check`), fsynced and renamed into
 * place, and the directory fsynced — so a file under a backup name is always a whole, checked
 * backup. A copy that fails its check is removed and taken again (twice at most, then the
 * error is thrown: a till whose own file will not copy cleanly must not pretend it has a
 * backup). Leftovers of a backup cut short (power loss, kill) are removed first.
 *
 * Returns the backup's path. Throws Error('backup failed its check: …') when both copies fail.
 */
export async function backupDatabase(
  db: Database,
  dir: string,
  options: { reason: string; keep?: number; at?: Date }
): Promise<string> {
  mkdirDurably(dir)
  removeLeftovers(dir)
  const stamp = (options.at ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `kassa-${stamp}-${options.reason}.sqlite`)
  const temp = join(dir, `.kassa-${stamp}-${options.reason}.sqlite.partial`)
  let problem = ''
  for (let attempt = 0; attempt < 2; attempt++) {
    await db.backup(temp)
    problem = checkBackup(temp)
    if (!problem) {
      renameDurably(temp, file)
      pruneBackups(dir, options.keep ?? 10)
      return file
    }
    removeWithSideFiles(temp)
  }
  throw new Error(`backup failed its check: ${problem}`)
}

/** Backups under their final names, oldest first (whole or not: see `isWholeBackup`). */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith('kassa-') && name.endsWith('.sqlite'))
      .sort()
  } catch {
    return []
  }
}

/**
 * Whether a file under a backup name is a whole SQLite file: the header's page count times its
 * page size is the file's size, and no journal beside it says a write was cut short. Cheap
 * (reads 100 bytes), so the daily check can run at every start; a backup only gets its name
 * after a full `quick_check`, so this catches files from before that rule and damage since.
 */
export function isWholeBackup(file: string): boolean {
  try {
    if (SIDE_FILES.some((suffix) => suffix === '-journal' && existsSync(file + suffix))) return false
    const header = Buffer.alloc(100)
    const fd = openSync(file, 'r')
    try {
      if (readSync(fd, header, 0, 100, 0) < 100) return false
    } finally {
      closeSync(fd)
    }
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const pages = header.readUInt32BE(28)
    // The header's page count is only valid when its change counter matches "version valid for".
    if (header.readUInt32BE(24) !== header.readUInt32BE(92)) return false
    return pages > 0 && pages * pageSize === statSync(file).size
  } catch {
    return false
  }
}

/** Keeps the newest `keep` whole backups; removes broken ones. Never removes the last whole one. */
function pruneBackups(dir: string, keep: number): void {
  const whole: string[] = []
  for (const name of listBackups(dir)) {
    if (isWholeBackup(join(dir, name))) whole.push(name)
    else removeWithSideFiles(join(dir, name))
  }
  for (const name of whole.slice(0, Math.max(0, whole.length - Math.max(1, keep))))
    unlinkSync(join(dir, name))
  fsyncDirectory(dir)
}

/** When the newest whole backup in `dir` was taken, from its name (null when there is none). */
export function newestBackupAt(dir: string): Date | null {
  const newest = listBackups(dir)
    .filter((name) => isWholeBackup(join(dir, name)))
    .at(-1)
  const stamp = newest ? /^kassa-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(newest) : null
  if (!stamp) return null
  return new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`)
}

/**
 * Takes the day's backup if the newest whole one is older than `maxAgeMs` (a day by default),
 * so a till that runs for weeks always has yesterday's shop to go back to. A broken file under
 * a backup name (a backup killed by an older Kassa) does not count, and is removed when the
 * new backup is pruned in.
 */
export async function backupIfDue(
  db: Database,
  dir: string,
  options: { now: Date; maxAgeMs?: number; keep?: number }
): Promise<string | null> {
  const newest = newestBackupAt(dir)
  if (newest && options.now.getTime() - newest.getTime() < (options.maxAgeMs ?? 24 * 60 * 60 * 1000))
    return null
  return backupDatabase(db, dir, {
    reason: 'daily',
    at: options.now,
    ...(options.keep ? { keep: options.keep } : {})
  })
}

/** '' when the copy at `file` is a healthy SQLite file, else what is wrong with it. */
function checkBackup(file: string): string {
  let db: Database | undefined
  try {
    db = openConnection(file, { fileMustExist: true })
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    return problems.slice(0, 3).join('; ')
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    // Closing the last connection checkpoints and removes the copy's -wal and -shm.
    db?.close()
  }
}

/** Hidden temporary copies (and their journals) left by a backup that was cut short. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.kassa-') && /\.sqlite\.partial(-journal|-wal|-shm)?$/.test(name))
      rmSync(join(dir, name), { force: true })
  }
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true })
}
