import { afterEach, describe, expect, it } from 'vitest'
import { ACCOUNT_MESSAGES as M } from '@shared/contract'
import {
  OWNER,
  STAFF,
  addStaff,
  callOk,
  loginAs,
  openSession,
  openTestCore,
  setupOwner,
  type TestCore
} from '../../support/accounts'

const open: TestCore[] = []
async function fresh(): Promise<TestCore> {
  const t = await openTestCore()
  open.push(t)
  return t
}
afterEach(() => {
  for (const t of open.splice(0)) t.close()
})

const MINUTE = 60_000

describe('first-run set-up', () => {
  it('is required on a new file, offers the demo profile, and opens nothing else until done', async () => {
    const { core } = await fresh()
    const session = openSession(core)
    const status = await callOk(core, session, 'auth:status', {})
    expect(status).toMatchObject({ setupRequired: true, state: 'signed-out', user: null })
    expect(status.setupProfile?.storeName).toBe('Kassa 示范店')
    expect(await core.router.dispatch('settings:get', {}, { sessionId: session })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
    expect(
      await core.router.dispatch('auth:login', { username: 'owner', password: 'x' }, { sessionId: session })
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: M.setupRequired }
    })
  })

  it('saves the edited profile and the owner, logs the owner in, and cannot run twice', async () => {
    const { core } = await fresh()
    const session = openSession(core)
    const status = await callOk(core, session, 'auth:status', {})
    const profile = { ...status.setupProfile!, storeName: '海港街杂货' }
    const after = await callOk(core, session, 'auth:setup', { profile, owner: OWNER })
    expect(after).toMatchObject({
      setupRequired: false,
      state: 'active',
      storeName: '海港街杂货',
      setupProfile: null
    })
    expect(after.user).toMatchObject({ username: 'owner', role: 'owner' })
    expect(await callOk(core, session, 'settings:get', {})).toEqual(profile)
    expect(
      await core.router.dispatch('auth:setup', { profile, owner: OWNER }, { sessionId: openSession(core) })
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
  })

  it('refuses a weak owner password, naming the field and the reason', async () => {
    const { core } = await fresh()
    const session = openSession(core)
    const { setupProfile } = await callOk(core, session, 'auth:status', {})
    const result = await core.router.dispatch(
      'auth:setup',
      { profile: setupProfile, owner: { ...OWNER, password: '12345678' } },
      { sessionId: session }
    )
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'owner.password',
        message: `owner.password: ${M.passwordAllDigits}`
      }
    })
    expect((await callOk(core, session, 'auth:status', {})).setupRequired).toBe(true)
  })
})

describe('login, lockout and unlock', () => {
  it('logs in with username (any case) and password, and out again', async () => {
    const { core } = await fresh()
    await setupOwner(core)
    const session = openSession(core)
    const status = await callOk(core, session, 'auth:login', { username: 'OWNER', password: OWNER.password })
    expect(status).toMatchObject({ state: 'active', user: { username: 'owner' } })
    expect(await callOk(core, session, 'auth:logout', {})).toMatchObject({ state: 'signed-out', user: null })
    expect(await core.router.dispatch('settings:get', {}, { sessionId: session })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
  })

  it('says the same thing for an unknown username and a wrong password', async () => {
    const { core } = await fresh()
    await setupOwner(core)
    const session = openSession(core)
    const unknown = await core.router.dispatch(
      'auth:login',
      { username: 'nobody', password: 'whatever-1' },
      { sessionId: session }
    )
    const wrong = await core.router.dispatch(
      'auth:login',
      { username: 'owner', password: 'whatever-1' },
      { sessionId: session }
    )
    expect(unknown).toEqual(wrong)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'password' } })
  })

  it('locks the account for 5 minutes after 5 failures, then lets the right password in', async () => {
    const { core, clock } = await fresh()
    await setupOwner(core)
    const session = openSession(core)
    const attempt = (password: string) =>
      core.router.dispatch('auth:login', { username: 'owner', password }, { sessionId: session })
    for (let i = 0; i < 4; i++)
      expect(await attempt('wrong-pass')).toMatchObject({ error: { field: 'password' } })
    expect(await attempt('wrong-pass')).toMatchObject({ error: { field: 'password' } }) // the 5th: now locked
    // Even the right password is refused while locked, without being checked.
    expect(await attempt(OWNER.password)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', field: 'username', message: `username: ${M.accountLocked}` }
    })
    clock.advance(5 * MINUTE - 1000)
    expect(await attempt(OWNER.password)).toMatchObject({
      ok: false,
      error: { message: `username: ${M.accountLocked}` }
    })
    clock.advance(1000)
    expect(await attempt(OWNER.password)).toMatchObject({ ok: true, value: { state: 'active' } })
  })

  it('resets the count on success, and follows the configured limits', async () => {
    const { core, clock } = await fresh()
    const owner = await setupOwner(core)
    await callOk(core, owner, 'security:update', {
      idleLockMinutes: 5,
      maxFailedAttempts: 3,
      lockoutMinutes: 10
    })
    const session = openSession(core)
    const attempt = (password: string) =>
      core.router.dispatch('auth:login', { username: 'owner', password }, { sessionId: session })
    await attempt('wrong-pass')
    await attempt('wrong-pass')
    expect(await attempt(OWNER.password)).toMatchObject({ ok: true })
    await attempt('wrong-pass')
    await attempt('wrong-pass')
    await attempt('wrong-pass') // 3rd in a row: locked for 10 minutes
    clock.advance(9 * MINUTE)
    expect(await attempt(OWNER.password)).toMatchObject({ ok: false, error: { field: 'username' } })
    clock.advance(MINUTE)
    expect(await attempt(OWNER.password)).toMatchObject({ ok: true })
  })

  it('counts wrong PINs at the lock screen toward the same lockout', async () => {
    const { core, clock } = await fresh()
    const session = await setupOwner(core)
    await callOk(core, session, 'auth:lock', {})
    for (let i = 0; i < 5; i++) {
      expect(
        await core.router.dispatch('auth:unlock', { pin: '9999' }, { sessionId: session })
      ).toMatchObject({ error: { field: 'pin' } })
    }
    expect(
      await core.router.dispatch('auth:unlock', { pin: OWNER.pin }, { sessionId: session })
    ).toMatchObject({
      error: { message: `pin: ${M.accountLocked}` }
    })
    clock.advance(5 * MINUTE)
    expect(await callOk(core, session, 'auth:unlock', { pin: OWNER.pin })).toMatchObject({ state: 'active' })
  })

  it('lets a locked-out user back in at once when the owner sets a new password', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const session = openSession(core)
    for (let i = 0; i < 5; i++)
      await core.router.dispatch(
        'auth:login',
        { username: 'cashier', password: 'nope-nope' },
        { sessionId: session }
      )
    const users = await callOk(core, owner, 'users:list', {})
    const cashier = users.find((u) => u.username === 'cashier')!
    expect(cashier.lockedUntil).not.toBeNull()
    await callOk(core, owner, 'users:update', { id: cashier.id, password: 'fresh-start-1' })
    expect(
      await callOk(core, session, 'auth:login', { username: 'cashier', password: 'fresh-start-1' })
    ).toMatchObject({ state: 'active' })
  })
})

describe('lock, PIN unlock, switch user and idle auto-lock', () => {
  it('locks by hand; a locked session gets only the public channels until its PIN unlocks it', async () => {
    const { core } = await fresh()
    const session = await setupOwner(core)
    expect(await callOk(core, session, 'auth:lock', {})).toMatchObject({
      state: 'locked',
      user: { username: 'owner' }
    })
    for (const channel of ['settings:get', 'users:list', 'profile:get', 'auth:lock'] as const) {
      expect(await core.router.dispatch(channel, {}, { sessionId: session }), channel).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: M.tillLocked }
      })
    }
    expect(await callOk(core, session, 'auth:status', {})).toMatchObject({ state: 'locked' })
    expect(await core.router.dispatch('auth:unlock', { pin: '0000' }, { sessionId: session })).toMatchObject({
      ok: false,
      error: { field: 'pin' }
    })
    expect(await callOk(core, session, 'auth:unlock', { pin: OWNER.pin })).toMatchObject({ state: 'active' })
    expect(await callOk(core, session, 'settings:get', {})).toBeTruthy()
  })

  it('switches a locked till to another user by their PIN', async () => {
    const { core } = await fresh()
    const session = await setupOwner(core)
    await addStaff(core, session)
    await callOk(core, session, 'auth:lock', {})
    const status = await callOk(core, session, 'auth:switch', { username: 'cashier', pin: STAFF.cashier.pin })
    expect(status).toMatchObject({ state: 'active', user: { username: 'cashier', role: 'cashier' } })
    expect(await core.router.dispatch('users:list', {}, { sessionId: session })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })

  it('never opens a signed-out session by PIN alone', async () => {
    const { core } = await fresh()
    await setupOwner(core)
    const result = await core.router.dispatch(
      'auth:switch',
      { username: 'owner', pin: OWNER.pin },
      { sessionId: openSession(core) }
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'username' } })
  })

  it('auto-locks after the idle time (5 minutes by default), counted from the last call', async () => {
    const { core, clock } = await fresh()
    const session = await setupOwner(core)
    clock.advance(4 * MINUTE)
    await callOk(core, session, 'auth:activity', {}) // the person touched the till
    clock.advance(4 * MINUTE + 59_000)
    expect(await callOk(core, session, 'settings:get', {})).toBeTruthy()
    clock.advance(5 * MINUTE)
    expect(await core.router.dispatch('settings:get', {}, { sessionId: session })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: M.tillLocked }
    })
    expect(await callOk(core, session, 'auth:status', {})).toMatchObject({
      state: 'locked',
      user: { username: 'owner' }
    })
    expect(await callOk(core, session, 'auth:unlock', { pin: OWNER.pin })).toMatchObject({ state: 'active' })
  })

  it('reports the idle lock in auth:status even with no call in between, and follows the setting', async () => {
    const { core, clock } = await fresh()
    const session = await setupOwner(core)
    await callOk(core, session, 'security:update', {
      idleLockMinutes: 2,
      maxFailedAttempts: 5,
      lockoutMinutes: 5
    })
    clock.advance(2 * MINUTE)
    expect(await callOk(core, session, 'auth:status', {})).toMatchObject({
      state: 'locked',
      idleLockMinutes: 2
    })
  })
})

describe('staff', () => {
  it('adds users, refusing duplicate usernames whatever their case', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const duplicate = await core.router.dispatch(
      'users:create',
      { ...STAFF.cashier, username: 'CASHIER' },
      { sessionId: owner }
    )
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'username', message: `username: ${M.usernameTaken}` }
    })
    const list = await callOk(core, owner, 'users:list', {})
    expect(list.map((u) => u.username).sort()).toEqual(['cashier', 'manager', 'owner'])
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pass/)
  })

  it.each([
    [{ password: 'short' }, 'password', M.passwordTooShort],
    [{ password: '1234567890' }, 'password', M.passwordAllDigits],
    [{ password: 'newbie.li', username: 'newbie.li' }, 'password', M.passwordIsUsername],
    [{ pin: '12' }, 'pin', M.pinFormat],
    [{ pin: '12ab' }, 'pin', M.pinFormat],
    [{ username: 'a b' }, 'username', M.usernameFormat],
    [{ displayName: '  ' }, 'displayName', M.displayNameRequired],
    [{ role: 'boss' }, 'role', 'must be cashier, manager or owner']
  ])('refuses bad input %j naming the field', async (patch, field, reason) => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    const input = {
      displayName: 'New Li',
      username: 'newbie',
      role: 'cashier',
      password: 'good-pass-1',
      pin: '4321',
      ...patch
    }
    const result = await core.router.dispatch('users:create', input, { sessionId: owner })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field, message: `${field}: ${reason}` }
    })
  })

  it('deactivated users cannot log in, and their open sessions end', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const cashierSession = await loginAs(core, 'cashier', STAFF.cashier.password)
    const cashier = (await callOk(core, owner, 'users:list', {})).find((u) => u.username === 'cashier')!
    expect(await callOk(core, owner, 'users:update', { id: cashier.id, active: false })).toMatchObject({
      active: false
    })
    expect(await core.router.dispatch('profile:get', {}, { sessionId: cashierSession })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
    const login = await core.router.dispatch(
      'auth:login',
      { username: 'cashier', password: STAFF.cashier.password },
      { sessionId: openSession(core) }
    )
    expect(login).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', field: 'username', message: `username: ${M.accountDeactivated}` }
    })
  })

  it('keeps the last active owner an active owner', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    const me = await callOk(core, owner, 'profile:get', {})
    expect(
      await core.router.dispatch('users:update', { id: me.id, role: 'manager' }, { sessionId: owner })
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'role' }
    })
    expect(
      await core.router.dispatch('users:update', { id: me.id, active: false }, { sessionId: owner })
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'active' }
    })
    // With a second owner, the first may step down.
    const second = await callOk(core, owner, 'users:create', {
      displayName: 'Co-owner',
      username: 'owner2',
      role: 'owner',
      password: 'second-owner',
      pin: '5555'
    })
    expect(await callOk(core, owner, 'users:update', { id: me.id, role: 'manager' })).toMatchObject({
      role: 'manager'
    })
    // …and now the second is the last one.
    const secondSession = await loginAs(core, 'owner2', 'second-owner')
    expect(
      await core.router.dispatch(
        'users:update',
        { id: second.id, active: false },
        { sessionId: secondSession }
      )
    ).toMatchObject({
      ok: false,
      error: { field: 'active' }
    })
  })

  it('changes take effect at once: a demoted owner loses users-manage on their next call', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    const co = await callOk(core, owner, 'users:create', {
      displayName: 'Co-owner',
      username: 'owner2',
      role: 'owner',
      password: 'second-owner',
      pin: '5555'
    })
    const coSession = await loginAs(core, 'owner2', 'second-owner')
    await callOk(core, coSession, 'users:list', {})
    await callOk(core, owner, 'users:update', { id: co.id, role: 'cashier' })
    expect(await core.router.dispatch('users:list', {}, { sessionId: coSession })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })
})

describe('my profile', () => {
  it('changes the display name freely, and the password and PIN only with the current password', async () => {
    const { core } = await fresh()
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const me = await loginAs(core, 'cashier', STAFF.cashier.password)
    expect(await callOk(core, me, 'profile:update', { displayName: 'Li Na' })).toMatchObject({
      displayName: 'Li Na'
    })
    expect(await core.router.dispatch('profile:update', { newPin: '8642' }, { sessionId: me })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'VALIDATION',
          field: 'currentPassword',
          message: `currentPassword: ${M.currentPasswordRequired}`
        }
      }
    )
    expect(
      await core.router.dispatch(
        'profile:update',
        { newPin: '8642', currentPassword: 'not-it-1' },
        { sessionId: me }
      )
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'currentPassword', message: `currentPassword: ${M.wrongPassword}` }
    })
    expect(
      await core.router.dispatch(
        'profile:update',
        { newPassword: 'cashier', currentPassword: STAFF.cashier.password },
        { sessionId: me }
      )
    ).toMatchObject({
      ok: false,
      error: { field: 'newPassword', message: `newPassword: ${M.passwordTooShort}` }
    })
    await callOk(core, me, 'profile:update', {
      newPin: '8642',
      newPassword: 'li-na-new-pass',
      currentPassword: STAFF.cashier.password
    })
    await callOk(core, me, 'auth:lock', {})
    expect(await callOk(core, me, 'auth:unlock', { pin: '8642' })).toMatchObject({ state: 'active' })
    expect(
      await callOk(core, openSession(core), 'auth:login', { username: 'cashier', password: 'li-na-new-pass' })
    ).toMatchObject({ state: 'active' })
  })
})
