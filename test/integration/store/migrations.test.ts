import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../../src/main/store/backup'
import { openDatabase } from '../../../src/main/store/database'
import { DatabaseDamagedError, DatabaseTooNewError } from '../../../src/main/store/errors'
import { schemaVersion } from '../../../src/main/store/migrate'
import { latestSchemaVersion, migrations } from '../../../src/main/store/migrations'
import type { Migration } from '../../../src/main/store/migrations/types'
import { tempDir } from '../../support/temp-dir'

describe('opening the store', () => {
  it('creates a fresh file at the latest schema, with WAL, FULL sync and foreign keys, and takes no backup', async () => {
    const dir = tempDir()
    const { db, applied, backupFile } = await openDatabase(join(dir, 'kassa.sqlite'), {
      backupDir: join(dir, 'backups')
    })
    expect(applied).toEqual(migrations.map((m) => m.version))
    expect(schemaVersion(db)).toBe(latestSchemaVersion)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(backupFile).toBeNull()
    db.close()
  })

  it('backs up an existing file before migrating it, and the backup holds the old data', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const backupDir = join(dir, 'backups')
    const first: Migration = {
      version: 10,
      name: 'first',
      up: (db) => db.exec('CREATE TABLE note (text TEXT)')
    }
    const second: Migration = {
      version: 20,
      name: 'second',
      up: (db) => db.exec('ALTER TABLE note ADD COLUMN at TEXT')
    }

    const v1 = await openDatabase(file, { backupDir, migrations: [first] })
    v1.db.prepare('INSERT INTO note (text) VALUES (?)').run('kept')
    v1.db.close()

    const v2 = await openDatabase(file, { backupDir, migrations: [first, second] })
    expect(v2.applied).toEqual([20])
    expect(v2.backupFile).not.toBeNull()
    expect(listBackups(backupDir)).toHaveLength(1)
    v2.db.close()

    const backup = new BetterSqlite3(v2.backupFile!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(10)
    expect(backup.prepare('SELECT text FROM note').all()).toEqual([{ text: 'kept' }])
    backup.close()

    // Opening again with nothing pending takes no further backup.
    const v3 = await openDatabase(file, { backupDir, migrations: [first, second] })
    expect(v3.backupFile).toBeNull()
    v3.db.close()
  })

  it('leaves the file untouched when a migration fails halfway', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const first: Migration = {
      version: 10,
      name: 'first',
      up: (db) => db.exec('CREATE TABLE note (text TEXT)')
    }
    const broken: Migration = {
      version: 20,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (x INTEGER)')
        throw new Error('boom')
      }
    }
    ;(await openDatabase(file, { backupDir: join(dir, 'b'), migrations: [first] })).db.close()
    await expect(
      openDatabase(file, { backupDir: join(dir, 'b'), migrations: [first, broken] })
    ).rejects.toThrow('boom')
    const db = new BetterSqlite3(file)
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined()
    db.close()
  })

  it('refuses a file written by a newer Kassa', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const db = new BetterSqlite3(file)
    db.pragma('user_version = 999990')
    db.close()
    await expect(openDatabase(file, { backupDir: join(dir, 'b') })).rejects.toBeInstanceOf(
      DatabaseTooNewError
    )
  })

  it('reports a damaged file instead of crashing', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    writeFileSync(file, Buffer.alloc(8192, 0x5a))
    await expect(openDatabase(file, { backupDir: join(dir, 'b') })).rejects.toBeInstanceOf(
      DatabaseDamagedError
    )
    expect(existsSync(join(dir, 'b'))).toBe(false)
  })
})
