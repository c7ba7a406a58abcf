import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/main/core/clock'
import { createCore, type Core } from '../../../src/main/app/create-core'
import {
  OWNER,
  STAFF,
  TEST_HASH_PARAMS,
  addStaff,
  callOk,
  loginAs,
  openSession,
  setupOwner
} from '../../support/accounts'

// Issue 11, item 2: a password typed into the username field was kept in clear in the audit
// log. A session of typos — passwords and PINs in username fields, a card number and a token
// typed where a barcode or coupon goes — then every byte Kassa keeps on disk (the SQLite file,
// its WAL, the backups, logs/) is searched for them.

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Every file under `dir`, read whole. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  const out: Array<{ path: string; bytes: Buffer }> = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push({ path, bytes: readFileSync(path) })
  }
  return out
}

/** Where each secret occurs on disk, in UTF-8 or UTF-16. */
function occurrences(dir: string, secrets: string[]): string[] {
  const found: string[] = []
  for (const { path, bytes } of filesUnder(dir)) {
    for (const secret of secrets) {
      for (const encoded of [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')]) {
        if (bytes.includes(encoded)) found.push(`${secret} in ${path.slice(dir.length)}`)
      }
    }
  }
  return found
}

async function start(dataDir: string, at: string): Promise<Core> {
  // The real file logger (logs/kassa.log), as the app runs.
  return createCore({
    dataDir,
    mode: 'web',
    version: 'test',
    clock: manualClock(at),
    hashParams: TEST_HASH_PARAMS
  })
}

describe('no secret at rest', () => {
  it('keeps no password, PIN, token or card number typed by mistake in the database, WAL, backups or logs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kassa-secrets-'))
    dirs.push(dataDir)
    let core = await start(dataDir, '2026-11-25T09:00:00.000Z')
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)

    const token = randomBytes(32).toString('base64url')
    const card = '6225880000001231'
    const otherCard = '4111111111111111'
    const secrets = [
      OWNER.password,
      STAFF.manager.password,
      STAFF.cashier.password,
      'Zq7-typo-passw0rd',
      token,
      card,
      otherCard
    ]
    // PINs are short: what counts is that the typos add no occurrence of them.
    const pins = ['947316', '582049']
    const baseline = occurrences(dataDir, pins)

    const page = openSession(core)
    const typos: Array<[string, unknown, object?]> = [
      ['auth:login', { username: OWNER.password, password: 'owner' }],
      ['auth:login', { username: 'Zq7-typo-passw0rd', password: 'Zq7-typo-passw0rd' }],
      ['auth:login', { username: pins[0], password: pins[1] }],
      ['auth:login', { username: token, password: token }],
      ['auth:login', { username: card, password: card }],
      ['auth:login', { username: 'cashier', password: 'Zq7-typo-passw0rd' }]
    ]
    for (const [channel, input] of typos) await core.router.dispatch(channel, input, { sessionId: page })
    const asCashier: Array<[string, unknown, object?]> = [
      ['auth:switch', { username: STAFF.manager.password, pin: pins[0] }],
      ['auth:switch', { username: pins[1], pin: pins[0] }],
      ['auth:switch', { username: 'manager', pin: pins[1] }],
      ['catalog:search', { query: card }],
      ['catalog:lookup-code', { code: otherCard }],
      [
        'cart:apply-coupon',
        { cartId: (await callOk(core, cashier, 'cart:open', {})).id, code: STAFF.manager.password }
      ],
      ['cart:add-item', { cartId: (await callOk(core, cashier, 'cart:open', {})).id, code: card }],
      [
        'settings:update',
        { storeName: 'x' },
        { override: { username: STAFF.manager.password, pin: pins[0] } }
      ],
      [
        'settings:update',
        await callOk(core, cashier, 'settings:get', {}),
        { override: { username: pins[1], pin: pins[0] } }
      ],
      [
        'settings:update',
        await callOk(core, cashier, 'settings:get', {}),
        { override: { username: 'owner', pin: pins[1] } }
      ]
    ]
    for (const [channel, input, options] of asCashier)
      await core.router.dispatch(channel, input, { sessionId: cashier }, options as never)
    // Five misses lock the cashier (logged), and a typo'd web request shows in no log either.
    for (let i = 0; i < 6; i++)
      await core.router.dispatch(
        'auth:login',
        { username: 'cashier', password: `${card}-${i}` },
        { sessionId: page }
      )

    expect(occurrences(dataDir, secrets)).toEqual([])
    expect(occurrences(dataDir, pins)).toEqual(baseline)
    // The WAL is checkpointed into the file on close; the next day's start backs the file up.
    core.close()
    core = await start(dataDir, '2026-11-26T09:00:00.000Z')
    core.close()
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.includes('daily'))).toBe(true)
    expect(readdirSync(join(dataDir, 'logs')).length).toBeGreaterThan(0)
    expect(readFileSync(join(dataDir, 'logs', 'kassa.log'), 'utf8')).toContain('auth.locked_out')
    expect(occurrences(dataDir, secrets)).toEqual([])
    expect(occurrences(dataDir, pins)).toEqual(baseline)
  })
})
