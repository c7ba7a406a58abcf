import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, roleCan, type Role } from '@shared/contract'
import type { ChannelSpec } from '@shared/contract/channel'
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

/**
 * Calls every channel of the contract, as every role, as a signed-out session and as a
 * locked one, through the real router, and checks the gate's answer against the matrix.
 * Inputs are empty, so an allowed call usually ends in VALIDATION: what matters is that it
 * got past the gate (anything but FORBIDDEN / UNAUTHENTICATED), or did not.
 */
const CALLERS = ['signed-out', 'locked', 'cashier', 'manager', 'owner'] as const
type Caller = (typeof CALLERS)[number]

const PASSWORDS: Record<Role, string> = {
  owner: OWNER.password,
  manager: STAFF.manager.password,
  cashier: STAFF.cashier.password
}

// A call the gate lets through may still be refused by the handler for a reason of its own:
// these public channels answer UNAUTHENTICATED for a wrong credential or a missing login.
const REFUSED_BY_HANDLER: Partial<Record<string, Caller[]>> = {}

let t: TestCore

beforeAll(async () => {
  t = await openTestCore()
  const owner = await setupOwner(t.core)
  await addStaff(t.core, owner)
})
afterAll(() => t.close())

async function sessionFor(caller: Caller): Promise<string> {
  if (caller === 'signed-out') return openSession(t.core)
  if (caller === 'locked') {
    const session = await loginAs(t.core, 'manager', PASSWORDS.manager)
    await callOk(t.core, session, 'auth:lock', {})
    return session
  }
  return loginAs(t.core, caller === 'owner' ? OWNER.username : STAFF[caller].username, PASSWORDS[caller])
}

function expected(caller: Caller, spec: ChannelSpec): 'pass' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (spec.permission === 'public') return 'pass'
  if (caller === 'signed-out' || caller === 'locked') return 'UNAUTHENTICATED'
  return roleCan(caller, spec.permission) ? 'pass' : 'FORBIDDEN'
}

const cases = Object.keys(contract).flatMap((channel) => CALLERS.map((caller) => [channel, caller] as const))

describe('the permission matrix, through the real router', () => {
  it('covers every channel of the contract', () => {
    expect(new Set(cases.map(([channel]) => channel))).toEqual(new Set(Object.keys(contract)))
  })

  it.each(cases)('%s as %s', async (channel, caller) => {
    const spec = (contract as Record<string, ChannelSpec>)[channel]!
    const session = await sessionFor(caller)
    const result = await t.core.router.dispatch(channel, {}, { sessionId: session })
    const got =
      result.ok || !['UNAUTHENTICATED', 'FORBIDDEN'].includes(result.error.code) ? 'pass' : result.error.code
    const want = REFUSED_BY_HANDLER[channel]?.includes(caller) ? 'UNAUTHENTICATED' : expected(caller, spec)
    expect(got, JSON.stringify(result)).toBe(want)
  })

  it('refuses a session main never opened, for everything but public channels', async () => {
    for (const [channel, spec] of Object.entries(contract as Record<string, ChannelSpec>)) {
      const result = await t.core.router.dispatch(channel, {}, { sessionId: 'forged-token' })
      if (spec.permission === 'public') continue
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })
})
