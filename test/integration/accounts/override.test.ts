import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ACCOUNT_MESSAGES as M, type StoreProfile } from '@shared/contract'
import {
  OWNER,
  STAFF,
  addStaff,
  callOk,
  loginAs,
  openTestCore,
  setupOwner,
  type TestCore
} from '../../support/accounts'

const open: TestCore[] = []
afterEach(() => {
  for (const t of open.splice(0)) t.close()
})

async function withCashier() {
  const t = await openTestCore()
  open.push(t)
  const owner = await setupOwner(t.core)
  await addStaff(t.core, owner)
  const cashier = await loginAs(t.core, 'cashier', STAFF.cashier.password)
  const profile = await callOk(t.core, cashier, 'settings:get', {})
  const edited: StoreProfile = { ...profile, storeName: 'Approved Store' }
  const update = (override?: { username: string; pin: string }, input: unknown = edited) =>
    t.core.router.dispatch(
      'settings:update',
      input,
      { sessionId: cashier },
      override ? { override } : undefined
    )
  return { t, owner, cashier, edited, update }
}

function openAudit(t: TestCore) {
  // Read through a second connection, as the CLI would; the core keeps its own open.
  const db = new BetterSqlite3(`${t.dataDir}/kassa.sqlite`, { readonly: true })
  try {
    return db
      .prepare('SELECT action, actor_user_id, approver_user_id, details FROM audit_log ORDER BY seq')
      .all() as Array<{
      action: string
      actor_user_id: string | null
      approver_user_id: string | null
      details: string
    }>
  } finally {
    db.close()
  }
}

describe('manager override', () => {
  it('refuses the cashier, then runs the action with an allowed approver’s PIN, recording both', async () => {
    const { t, update, edited, cashier, owner } = await withCashier()
    expect(await update()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await update({ username: 'owner', pin: OWNER.pin })).toEqual({ ok: true, value: edited })
    const rows = openAudit(t)
    const cashierId = (await callOk(t.core, cashier, 'profile:get', {})).id
    const ownerId = (await callOk(t.core, owner, 'profile:get', {})).id
    const granted = rows.find((r) => r.action === 'override.granted')!
    expect(granted).toMatchObject({ actor_user_id: cashierId, approver_user_id: ownerId })
    expect(JSON.parse(granted.details)).toMatchObject({
      channel: 'settings:update',
      permission: 'settings-manage'
    })
    expect(rows.at(-1)).toMatchObject({
      action: 'settings.updated',
      actor_user_id: cashierId,
      approver_user_id: ownerId
    })
    expect(rows.map((r) => r.details).join()).not.toContain(OWNER.pin)
  })

  it('refuses an approver whose role lacks the permission, naming them', async () => {
    const { update } = await withCashier()
    expect(await update({ username: 'manager', pin: STAFF.manager.pin })).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        field: 'override.username',
        message: `override.username: ${M.approverCannot}`
      }
    })
  })

  it('refuses a wrong PIN (counting toward the approver’s lockout) and an unknown approver alike', async () => {
    const { update } = await withCashier()
    const wrong = await update({ username: 'owner', pin: '0000' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'override.pin' } })
    expect(await update({ username: 'ghost', pin: '0000' })).toEqual(wrong)
    for (let i = 0; i < 4; i++) await update({ username: 'owner', pin: '0000' })
    expect(await update({ username: 'owner', pin: OWNER.pin })).toMatchObject({
      ok: false,
      error: { field: 'override.username', message: `override.username: ${M.accountLocked}` }
    })
  })

  it('checks the input before spending the approver’s PIN, and validates the override itself', async () => {
    const { t, update, edited } = await withCashier()
    const before = openAudit(t).length
    expect(await update({ username: 'owner', pin: OWNER.pin }, { ...edited, storeName: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'storeName' }
    })
    expect(openAudit(t)).toHaveLength(before)
    expect(await update({ username: 'owner', pin: '12' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'override.pin' }
    })
  })

  it('does not let anyone approve their own action, nor approve channels not marked overridable', async () => {
    const { t, cashier, edited } = await withCashier()
    const manager = await loginAs(t.core, 'manager', STAFF.manager.password)
    const own = await t.core.router.dispatch(
      'settings:update',
      edited,
      { sessionId: manager },
      { override: { username: 'manager', pin: STAFF.manager.pin } }
    )
    expect(own).toMatchObject({
      ok: false,
      error: { field: 'override.username', message: `override.username: ${M.cannotApproveSelf}` }
    })
    const users = await t.core.router.dispatch(
      'users:list',
      {},
      { sessionId: cashier },
      { override: { username: 'owner', pin: OWNER.pin } }
    )
    expect(users).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('ignores an override the caller does not need', async () => {
    const { t, owner, edited } = await withCashier()
    const result = await t.core.router.dispatch(
      'settings:update',
      edited,
      { sessionId: owner },
      { override: { username: 'manager', pin: '9999' } }
    )
    expect(result).toEqual({ ok: true, value: edited })
    expect(openAudit(t).filter((r) => r.action.startsWith('override.'))).toHaveLength(0)
  })
})
