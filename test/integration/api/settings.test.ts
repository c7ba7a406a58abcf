import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { StoreProfile } from '@shared/contract'
import { signInOwner } from '../../support/accounts'
import { createTestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

const profile: StoreProfile = {
  storeName: '海港街杂货',
  currency: 'HKD',
  locale: 'zh-HK',
  rounding: 'half-even',
  taxMode: 'exclusive',
  cashIncrement: '0.10',
  cashRoundingMode: 'down',
  timeZone: 'Asia/Hong_Kong',
  scaleLabels: [{ prefixes: ['23', '24'], itemDigits: 4, content: 'price', valueCheckDigit: true }]
}

function countRows(dataDir: string, table: string): number {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** A test core whose session is the owner's (set-up done on a fresh file, else logged in). */
async function ownerCore(options: { dataDir?: string } = {}) {
  const test = await createTestCore(options)
  await signInOwner(test.core, test.sessionId)
  return test
}

describe('store profile through the router', () => {
  it('round-trips over a real SQLite file and survives reopening', async () => {
    const { call, dataDir, core } = await ownerCore()
    expect(await call('settings:update', profile)).toEqual({ ok: true, value: profile })
    expect(await call('settings:get', {})).toEqual({ ok: true, value: profile })
    core.close()

    const reopened = await ownerCore({ dataDir })
    expect(await reopened.call('settings:get', {})).toEqual({ ok: true, value: profile })
  })

  it('writes the profile, its audit entry and its outbox event in one go', async () => {
    const { call, dataDir } = await ownerCore()
    const audit = countRows(dataDir, 'audit_log')
    const outbox = countRows(dataDir, 'outbox')
    await call('settings:update', profile)
    expect(countRows(dataDir, 'audit_log')).toBe(audit + 1)
    expect(countRows(dataDir, 'outbox')).toBe(outbox + 1)
  })

  it.each([
    [{ ...profile, storeName: '' }, 'storeName', 'must not be empty'],
    [{ ...profile, currency: 'XYZ' }, 'currency', 'unknown currency'],
    [{ ...profile, rounding: 'up' }, 'rounding', 'must be half-up or half-even'],
    [{ ...profile, taxMode: 'none' }, 'taxMode', 'must be inclusive or exclusive'],
    [{ ...profile, cashIncrement: '0.001' }, 'cashIncrement', 'has more fractional digits than HKD allows'],
    [{ ...profile, cashIncrement: '0' }, 'cashIncrement', 'must be greater than 0'],
    [{ ...profile, cashIncrement: '-1' }, 'cashIncrement', 'must be a decimal number such as 0.10'],
    [{ ...profile, locale: 'xx' }, 'locale', 'unsupported locale'],
    [{ ...profile, extra: 1 }, 'extra', 'extra: is not a known field']
  ])('refuses bad input naming the field (%#), and writes nothing', async (input, field, message) => {
    const { call, dataDir } = await ownerCore()
    const before = await call('settings:get', {})
    const audit = countRows(dataDir, 'audit_log')
    const outbox = countRows(dataDir, 'outbox')
    const result = await call('settings:update', input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.field ?? '').toBe(field)
    expect(result.error.message).toContain(message)
    expect(await call('settings:get', {})).toEqual(before)
    expect(countRows(dataDir, 'audit_log')).toBe(audit)
    expect(countRows(dataDir, 'outbox')).toBe(outbox)
  })

  it('answers an unknown channel with NOT_FOUND', async () => {
    const { call } = await ownerCore()
    expect(await call('orders:explode', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('pushes settings:changed to subscribers after the commit', async () => {
    const { call, core } = await ownerCore()
    const seen: unknown[] = []
    core.events.subscribe((event, payload) => seen.push([event, payload]))
    await call('settings:update', profile)
    expect(seen).toEqual([['settings:changed', profile]])
  })

  it('keeps the audit log and unsynced outbox events append-only', async () => {
    const { call, dataDir, core } = await ownerCore()
    await call('settings:update', profile)
    core.close()
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'))
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow('append-only')
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('append-only')
    expect(() => db.prepare('DELETE FROM outbox').run()).toThrow('unsynced')
    db.close()
  })

  it('starts in a damaged state, answering only app:info, when the file is not a database', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'kassa.sqlite'), Buffer.alloc(8192, 0x5a))
    const { call } = await createTestCore({ dataDir })
    const info = await call('app:info', {})
    expect(info).toMatchObject({ ok: true, value: { database: { status: 'damaged' } } })
    expect(await call('settings:get', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })
})
