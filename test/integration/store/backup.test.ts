import { copyFileSync, existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  backupDatabase,
  backupIfDue,
  isWholeBackup,
  listBackups,
  newestBackupAt
} from '../../../src/main/store/backup'
import { openDatabase } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp-dir'

const DAY = 24 * 60 * 60 * 1000
const START = new Date('2026-11-20T08:00:00.000Z')
const at = (days: number): Date => new Date(START.getTime() + days * DAY)
const nameAt = (days: number, reason = 'daily'): string =>
  `kassa-${at(days).toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`

async function shop() {
  const dir = tempDir()
  const backups = join(dir, 'backups')
  const { db } = await openDatabase(join(dir, 'kassa.sqlite'), { backupDir: backups })
  return { db, backups }
}

/** What a backup killed half-way by an earlier Kassa left: half a file and its journal. */
function brokenBackup(backups: string, from: string, days: number): string {
  const file = join(backups, nameAt(days))
  copyFileSync(from, file)
  truncateSync(file, 8192)
  writeFileSync(`${file}-journal`, 'half a journal')
  return file
}

describe('the daily backup', () => {
  it('is taken when the newest backup is a day old, not before, and old ones rotate out', async () => {
    const { db, backups } = await shop()
    expect(await backupIfDue(db, backups, { now: START })).not.toBeNull()
    expect(newestBackupAt(backups)).toEqual(START)
    expect(await backupIfDue(db, backups, { now: new Date(START.getTime() + DAY - 1) })).toBeNull()
    for (let i = 1; i <= 4; i++) await backupIfDue(db, backups, { now: at(i), keep: 3 })
    expect(listBackups(backups)).toHaveLength(3)
    expect(newestBackupAt(backups)).toEqual(at(4))
    db.close()
  })

  it('does not count a half-written backup as the day’s: it is removed and the backup taken again', async () => {
    const { db, backups } = await shop()
    const good = (await backupIfDue(db, backups, { now: at(0) }))!
    const broken = brokenBackup(backups, good, 1)
    expect(isWholeBackup(good)).toBe(true)
    expect(isWholeBackup(broken)).toBe(false)
    expect(newestBackupAt(backups)).toEqual(at(0))

    const redone = await backupIfDue(db, backups, { now: new Date(at(1).getTime() + 60_000) })
    expect(redone).not.toBeNull()
    expect(existsSync(broken)).toBe(false)
    expect(existsSync(`${broken}-journal`)).toBe(false)
    expect(listBackups(backups).map((name) => isWholeBackup(join(backups, name)))).toEqual([true, true])
    db.close()
  })

  it('never rotates out the last good backups for broken ones', async () => {
    const { db, backups } = await shop()
    const good = (await backupIfDue(db, backups, { now: at(0) }))!
    brokenBackup(backups, good, 1)
    brokenBackup(backups, good, 2)
    await backupDatabase(db, backups, { reason: 'daily', at: at(3), keep: 2 })
    expect(listBackups(backups)).toEqual([nameAt(0), nameAt(3)])
    // keep: 0 still keeps one: a till is never left without a backup by its own rotation.
    await backupDatabase(db, backups, { reason: 'daily', at: at(4), keep: 0 })
    expect(listBackups(backups)).toEqual([nameAt(4)])
    db.close()
  })

  it('removes what a backup cut short left behind, and names only checked, whole copies', async () => {
    const { db, backups } = await shop()
    await backupDatabase(db, backups, { reason: 'daily', at: at(0) })
    const leftovers = ['.kassa-x-daily.sqlite.partial', '.kassa-x-daily.sqlite.partial-journal']
    for (const name of leftovers) writeFileSync(join(backups, name), 'cut short')
    await backupDatabase(db, backups, { reason: 'daily', at: at(1) })
    expect(readdirSync(backups).sort()).toEqual([nameAt(0), nameAt(1)])
    db.close()
  })
})
