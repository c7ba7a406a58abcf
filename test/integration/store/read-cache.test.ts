import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPullPage } from '../../../src/main/sync/apply-pull-page'
import { openConnection } from '../../../src/main/store/connection'
import { openDatabase } from '../../../src/main/store/database'
import { createStore, type Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/temp-dir'

// The store's read cache (issue 12) keeps the store profile, the sign-in rules, users, preferences
// and open shifts between calls. Whoever writes them — a service, the head office's pull, another
// connection — the next read must give what the file holds, and a rolled-back write must leave no trace.

const closers: Array<() => void> = []
afterEach(() => {
  for (const close of closers.splice(0)) close()
})

const AT = '2025-03-01T09:00:00.000Z'
const USER_ID = '0195a3b0-0000-7000-8000-000000000001'

async function openStore(): Promise<{ store: Store; file: string }> {
  const dir = tempDir('kassa-read-cache-')
  const file = join(dir, 'kassa.sqlite')
  const { db } = await openDatabase(file, { backupDir: join(dir, 'backups') })
  closers.push(() => db.close())
  const store = createStore(db)
  store.settings.saveProfile(
    {
      storeName: 'Corner Shop',
      currency: 'CNY',
      locale: 'zh-CN',
      rounding: 'half-up',
      taxMode: 'inclusive',
      cashIncrement: '0.10',
      cashRoundingMode: 'half-up',
      timeZone: 'Asia/Shanghai'
    },
    AT
  )
  store.users.insert({
    id: USER_ID,
    username: 'li',
    displayName: 'Cashier Li',
    role: 'cashier',
    passwordHash: 'x',
    pinHash: 'y',
    active: true,
    createdAt: AT,
    updatedAt: AT
  })
  return { store, file }
}

describe('the store read cache', () => {
  it('gives the head office’s staff and settings on the read after a pull page applies them', async () => {
    const { store } = await openStore()
    expect(store.users.get(USER_ID)).toMatchObject({ displayName: 'Cashier Li', active: true })
    expect(store.settings.getProfile()).toMatchObject({ storeName: 'Corner Shop', cashIncrement: '0.10' })
    applyPullPage(
      store,
      {
        reset: false,
        changes: [
          {
            entity: 'staff',
            id: USER_ID,
            op: 'put',
            revision: 1,
            data: {
              id: USER_ID,
              username: 'li',
              displayName: 'Li (head office)',
              role: 'cashier',
              passwordHash: 'x2',
              pinHash: 'y2',
              active: false
            }
          },
          {
            entity: 'settings',
            id: 'store',
            op: 'put',
            revision: 2,
            data: {
              storeName: 'Corner Shop East',
              currency: 'CNY',
              locale: 'zh-CN',
              rounding: 'half-up',
              taxMode: 'inclusive',
              cashIncrement: '0.50',
              timeZone: 'Asia/Shanghai',
              localEdits: { catalog: true, coupons: true, staff: true }
            }
          }
        ],
        cursor: 'c2',
        more: false,
        revision: 2,
        serverTime: AT
      },
      AT
    )
    expect(store.users.get(USER_ID)).toMatchObject({ displayName: 'Li (head office)', active: false })
    expect(store.settings.getProfile()).toMatchObject({
      storeName: 'Corner Shop East',
      cashIncrement: '0.50'
    })
  })

  it('gives what another connection committed (the CLI beside the running till)', async () => {
    const { store, file } = await openStore()
    expect(store.users.get(USER_ID)?.active).toBe(true)
    expect(store.security.get().idleLockMinutes).not.toBe(7)
    const other = openConnection(file)
    try {
      other.prepare('UPDATE users SET active = 0 WHERE id = ?').run(USER_ID)
      other.prepare('UPDATE security_settings SET idle_lock_minutes = 7 WHERE id = 1').run()
    } finally {
      other.close()
    }
    expect(store.users.get(USER_ID)?.active).toBe(false)
    expect(store.security.get().idleLockMinutes).toBe(7)
  })

  it('serves nothing of a transaction that rolled back, and the new value inside the one that wrote it', async () => {
    const { store } = await openStore()
    const before = store.settings.getProfile()!
    expect(() =>
      store.transaction(() => {
        store.settings.saveProfile({ ...before, storeName: 'Never Saved' }, AT)
        // Inside the writing transaction the new row is what the file holds for it.
        expect(store.settings.getProfile()?.storeName).toBe('Never Saved')
        store.preferences.set('terminal.code', 'T09')
        expect(store.preferences.get('terminal.code')).toBe('T09')
        throw new Error('refused')
      })
    ).toThrow('refused')
    expect(store.settings.getProfile()?.storeName).toBe('Corner Shop')
    expect(store.preferences.get('terminal.code')).toBeNull()
  })

  it('follows a shift opened and closed through the repo', async () => {
    const { store } = await openStore()
    expect(store.shifts.openShift('T01')).toBeUndefined()
    store.transaction(() =>
      store.shifts.insert({
        id: 'shift-1',
        number: 'T01-S1',
        terminal: 'T01',
        kind: 'regular',
        rescue_of: null,
        currency: 'CNY',
        opening_float: 0,
        opened_at: AT,
        opened_by: USER_ID
      })
    )
    expect(store.shifts.openShift('T01')?.id).toBe('shift-1')
    store.transaction(() =>
      store.shifts.close({
        id: 'shift-1',
        closed_at: AT,
        closed_by: USER_ID,
        expected_cash: 0,
        counted_cash: 0,
        over_short: 0,
        count_json: '{}',
        note: null
      })
    )
    expect(store.shifts.openShift('T01')).toBeUndefined()
  })

  it('hands out copies: a caller changing its row does not change what the next caller reads', async () => {
    const { store } = await openStore()
    const user = store.users.get(USER_ID)!
    user.displayName = 'Scribbled'
    const profile = store.settings.getProfile()!
    profile.storeName = 'Scribbled'
    expect(store.users.get(USER_ID)?.displayName).toBe('Cashier Li')
    expect(store.settings.getProfile()?.storeName).toBe('Corner Shop')
  })
})
