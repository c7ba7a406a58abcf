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
