import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Files Kassa writes outside SQLite that must survive a power cut (backups, sandbox keys,
 * saved receipts and reports) are made durable the one way POSIX promises: the bytes go to a
 * temporary name beside the target, that file is fsynced, renamed over the target (atomic:
 * a reader sees the old file or the new one, never half of one), and the directory is fsynced
 * so the new name itself survives. Without the last step a rename can vanish with the power.
 */

/** The temporary name a durable write uses beside `file` (never matched as a finished file). */
export function partialName(file: string): string {
  return join(dirname(file), `.${basename(file)}.partial`)
}

/**
 * Writes `data` to `file` durably (temp name, fsync, rename, fsync of the directory). When it
 * returns, the whole new content is on the disk under `file`; if the power goes before, the
 * old content (or no file) is. `mode` as for writeFileSync (e.g. 0o600 for keys).
 */
export function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number } = {}
): void {
  const temp = partialName(file)
  try {
    writeFileSync(temp, data, options.mode === undefined ? {} : { mode: options.mode })
    fsyncFile(temp)
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  fsyncDirectory(dirname(file))
}

/**
 * Moves a finished file (e.g. a checked backup written by SQLite) to its final name durably:
 * fsync the file, rename, fsync the directory.
 */
export function renameDurably(from: string, to: string): void {
  fsyncFile(from)
  renameSync(from, to)
  fsyncDirectory(dirname(to))
}

/** Creates `dir` (and its parents) if missing, fsyncing each parent so the new names survive. */
export function mkdirDurably(dir: string, options: { mode?: number } = {}): void {
  if (existsSync(dir)) return
  mkdirDurably(dirname(dir), options)
  mkdirSync(dir, options.mode === undefined ? {} : { mode: options.mode })
  fsyncDirectory(dirname(dir))
}

/** fsync of a file's contents. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * fsync of a directory, making the names created, renamed or removed in it durable. Windows
 * cannot open a directory for fsync (and NTFS journals names itself): there it is a no-op.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
