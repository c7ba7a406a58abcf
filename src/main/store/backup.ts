import { mkdirSync, readdirSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'

/**
 * Online backup with `db.backup()` (consistent even while WAL is in use), named so that
 * names sort by time, keeping the newest `keep` files.
 */
export async function backupDatabase(
  db: Database,
  dir: string,
  options: { reason: string; keep?: number; at?: Date }
): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const stamp = (options.at ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `kassa-${stamp}-${options.reason}.sqlite`)
  await db.backup(file)
  pruneBackups(dir, options.keep ?? 10)
  return file
}

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith('kassa-') && name.endsWith('.sqlite'))
      .sort()
  } catch {
    return []
  }
}

function pruneBackups(dir: string, keep: number): void {
  const files = listBackups(dir)
  for (const name of files.slice(0, Math.max(0, files.length - keep))) unlinkSync(join(dir, name))
}

/** When the newest backup in `dir` was taken, from its name (null when there is none). */
export function newestBackupAt(dir: string): Date | null {
  const newest = listBackups(dir).at(-1)
  const stamp = newest ? /^kassa-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(newest) : null
  if (!stamp) return null
  return new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`)
}

/**
 * Takes the day's backup if the newest one is older than `maxAgeMs` (a day by default), so a
 * till that runs for weeks always has yesterday's shop to go back to.
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
