import { businessDate, businessDayWindow, zonedMidnight } from '@shared/time/zone'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { kassa } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'
import { GOODS, openShop } from '../sell/sell-fixture'

// Issue 13 item 8: the business day, its hours and the void rule follow the store's time zone, never
// the machine's. The same file reported by processes running with TZ=UTC and TZ=Asia/Shanghai gives
// the same Z-report.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

function reportIn(tz: string, dataDir: string, date: string) {
  const run = kassa(['--data-dir', dataDir, 'report', 'day', date, '--json'], { TZ: tz })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  const { generatedAt: _generatedAt, ...report } = JSON.parse(run.stdout) as Record<string, unknown>
  return report
}

describe('business days and hours in the store’s time zone', () => {
  it('computes days and midnights in any zone, whatever the process runs in', () => {
    expect(businessDate(new Date('2025-03-01T16:30:00Z'), 'Asia/Shanghai')).toBe('2025-03-02')
    expect(businessDate(new Date('2025-03-01T16:30:00Z'), 'UTC')).toBe('2025-03-01')
    expect(zonedMidnight('2025-03-02', 'Asia/Shanghai').toISOString()).toBe('2025-03-01T16:00:00.000Z')
    expect(businessDayWindow('2025-03-02', 'Asia/Kathmandu')).toEqual({
      from: '2025-03-01T18:15:00.000Z',
      to: '2025-03-02T18:15:00.000Z'
    })
    // A day with a clock change: 23 hours in Berlin on 2025-03-30.
    const w = businessDayWindow('2025-03-30', 'Europe/Berlin')
    expect(Date.parse(w.to) - Date.parse(w.from)).toBe(23 * 3600_000)
  })

  it('the same sales give the same Z-report under TZ=UTC and TZ=Asia/Shanghai', async () => {
    // 23:50 on 1 March and 00:10 on 2 March in Beijing: two business days, whatever the machine's zone.
    const shop = await openShop({ start: '2025-03-01T15:50:00.000Z' })
    shops.push(shop)
    const { core, owner, cashier, clock, dataDir } = shop
    const profile = await callOk(core, owner, 'settings:get', {})
    await callOk(core, owner, 'settings:update', { ...profile, timeZone: 'Asia/Shanghai' })
    const sell = async (key: string) => {
      const cart = await callOk(core, cashier, 'cart:open', {})
      await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
      return callOk(core, cashier, 'checkout:begin', {
        cartId: cart.id,
        checkoutKey: key,
        cash: { tendered: '10' }
      })
    }
    await sell('late-evening-sale-1')
    // Twenty minutes on, in steps the idle lock lets pass.
    for (let i = 0; i < 5; i++) {
      clock.advance(4 * 60_000)
      await callOk(core, cashier, 'cart:open', {})
    }
    await sell('after-midnight-sale-2')
    shop.stop()

    const first = reportIn('UTC', dataDir, '2025-03-01')
    expect(first).toEqual(reportIn('Asia/Shanghai', dataDir, '2025-03-01'))
    expect(first).toMatchObject({ date: '2025-03-01', orderCount: 1 })
    expect(
      (first.byHour as Array<{ hour: number; orders: number }>).filter((h) => h.orders > 0)
    ).toMatchObject([{ hour: 23, orders: 1 }])
    const second = reportIn('UTC', dataDir, '2025-03-02')
    expect(second).toEqual(reportIn('Asia/Shanghai', dataDir, '2025-03-02'))
    expect(second).toMatchObject({ date: '2025-03-02', orderCount: 1 })
    expect(
      (second.byHour as Array<{ hour: number; orders: number }>).filter((h) => h.orders > 0)
    ).toMatchObject([{ hour: 0, orders: 1 }])
  }, 60_000)

  it('refuses a new time zone once sales exist, unless the owner confirms it', async () => {
    const shop = await openShop()
    shops.push(shop)
    const { core, owner, cashier } = shop
    const profile = await callOk(core, owner, 'settings:get', {})
    await callOk(core, owner, 'settings:update', { ...profile, timeZone: 'Asia/Shanghai' })
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'time-zone-checkout-1',
      cash: { tendered: '10' }
    })
    const moved = { ...profile, timeZone: 'Europe/Berlin' }
    expect(await core.router.dispatch('settings:update', moved, { sessionId: owner })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'timeZone', key: 'errors.settings.timeZoneAfterSales' }
    })
    expect((await callOk(core, owner, 'settings:get', {})).timeZone).toBe('Asia/Shanghai')
    await callOk(core, owner, 'settings:update', { ...moved, confirmTimeZoneChange: true })
    expect((await callOk(core, owner, 'settings:get', {})).timeZone).toBe('Europe/Berlin')
    expect(
      await core.router.dispatch(
        'settings:update',
        { ...profile, timeZone: 'Mars/Olympus' },
        { sessionId: owner }
      )
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'timeZone' } })
  })
})

describe('an enrolled till’s time zone', () => {
  it('is the head office’s: another zone is refused on the till, naming the store', async () => {
    const dataDir = tempDir('kassa-enrolled-zone-')
    const shop = await openShop({ dataDir })
    shops.push(shop)
    const { core, owner } = shop
    const profile = await callOk(core, owner, 'settings:get', {})
    // Enrolled as the sync's enrol writes it (the head office itself is not needed here).
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'))
    db.prepare(
      `INSERT INTO sync_state (id, hq_url, till_id, store_id, store_name, till_code, public_key, enrolled_at)
       VALUES (1, 'http://127.0.0.1:1', ?, ?, '西城店', 'T02', 'key', '2026-11-20T00:00:00.000Z')`
    ).run(randomUUID(), randomUUID())
    db.close()
    const other = profile.timeZone === 'Asia/Shanghai' ? 'Europe/Berlin' : 'Asia/Shanghai'
    expect(
      await core.router.dispatch('settings:update', { ...profile, timeZone: other }, { sessionId: owner })
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        field: 'timeZone',
        key: 'errors.settings.timeZoneFromHq',
        params: { store: '西城店' }
      }
    })
    expect((await callOk(core, owner, 'settings:get', {})).timeZone).toBe(profile.timeZone)
    // The rest of the profile stays the till's to save.
    await callOk(core, owner, 'settings:update', { ...profile, storeName: 'West' })
  })
})
