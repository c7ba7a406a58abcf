import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { migrations } from '../../../src/main/store/migrations'
import { signInOwner } from '../../support/accounts'
import { createTestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

describe('receipt settings through the router', () => {
  it('start blank on 80 mm paper, round-trip with their audit entry, and refuse bad input naming the field', async () => {
    const test = await createTestCore()
    await signInOwner(test.core, test.sessionId)
    expect(await test.call('receipt:get-settings', {})).toEqual({
      ok: true,
      value: { address: '', phone: '', taxId: '', paper: '80mm' }
    })
    const settings = {
      address: '上海市静安区南京西路 1266 号',
      phone: '+86 21 6288 0000',
      taxId: '91310000ma1fl1ab2c',
      paper: '58mm'
    }
    const saved = await test.call('receipt:update-settings', settings)
    expect(saved).toEqual({ ok: true, value: { ...settings, taxId: '91310000MA1FL1AB2C' } })
    const bad = await test.call('receipt:update-settings', { ...settings, paper: 'Letter' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'paper' } })
    const phone = await test.call('receipt:update-settings', { ...settings, phone: 'call me' })
    expect(phone).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'phone' } })
    expect(await test.call('receipt:get-settings', {})).toEqual(saved)

    const db = new BetterSqlite3(join(test.dataDir, 'kassa.sqlite'), { readonly: true })
    const audit = db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.receipt_updated'")
      .pluck()
    expect(audit.get()).toBe(1)
    db.close()
  })
})

describe('migration 0100: receipt settings', () => {
  it('upgrades a file at 0080 that holds a store profile and an order; the receipt row starts blank', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const old = await openDatabase(file, {
      backupDir: join(dir, 'backups'),
      migrations: migrations.filter((m) => m.version < 100)
    })
    old.db.exec(`
      INSERT INTO store_profile (id, store_name, currency, locale, rounding, tax_mode, cash_increment, updated_at)
        VALUES (1, '老店', 'CNY', 'zh-CN', 'half-up', 'inclusive', NULL, 'x');
      INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, created_at, updated_at)
        VALUES ('o1', 'T01', 'paid', 'CNY', 'half-up', 'inclusive', 'x', 'x');
    `)
    old.db.close()

    const { db, applied } = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(applied).toContain(100)
    expect(db.prepare('SELECT store_name FROM store_profile').pluck().get()).toBe('老店')
    expect(db.prepare("SELECT status FROM orders WHERE id = 'o1'").pluck().get()).toBe('paid')
    expect(db.prepare('SELECT address, phone, tax_id, paper FROM receipt_settings').all()).toEqual([
      { address: '', phone: '', tax_id: '', paper: '80mm' }
    ])
    expect(() => db.prepare("UPDATE receipt_settings SET paper = 'Letter'").run()).toThrow(/CHECK/)
    expect(() => db.prepare('INSERT INTO receipt_settings (id) VALUES (2)').run()).toThrow(/CHECK/)
    db.close()
  })
})
