import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupIfDue, listBackups, newestBackupAt } from '../../../src/main/store/backup'
import { openDatabase } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp-dir'

describe('the daily backup', () => {
  it('is taken when the newest backup is a day old, not before, and old ones rotate out', async () => {
    const dir = tempDir()
    const backups = join(dir, 'backups')
    const { db } = await openDatabase(join(dir, 'kassa.sqlite'), { backupDir: backups })
    const day = 24 * 60 * 60 * 1000
    const start = new Date('2026-11-20T08:00:00.000Z')

    expect(await backupIfDue(db, backups, { now: start })).not.toBeNull()
    expect(newestBackupAt(backups)).toEqual(start)
    expect(await backupIfDue(db, backups, { now: new Date(start.getTime() + day - 1) })).toBeNull()
    for (let i = 1; i <= 4; i++)
      await backupIfDue(db, backups, { now: new Date(start.getTime() + i * day), keep: 3 })
    expect(listBackups(backups)).toHaveLength(3)
    expect(newestBackupAt(backups)).toEqual(new Date(start.getTime() + 4 * day))
    db.close()
  })
})
