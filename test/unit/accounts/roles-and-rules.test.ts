import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_MESSAGES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  reasonKey,
  contract,
  passwordProblem,
  roleCan
} from '@shared/contract'
import type { ChannelSpec } from '@shared/contract/channel'

describe('every channel declares its permission', () => {
  // The ChannelSpec type makes `permission` required; this catches a spec built around the type
  // (a cast, a spread of something untyped) at runtime.
  it.each(Object.keys(contract))('%s has a known permission', (name) => {
    const spec = (contract as Record<string, ChannelSpec>)[name]!
    expect(PERMISSIONS).toContain(spec.permission)
    expect(typeof spec.summary).toBe('string')
  })

  it('lets only capability channels be approved by someone else', () => {
    for (const [name, spec] of Object.entries(contract as Record<string, ChannelSpec>)) {
      if (spec.overridable) expect(['public', 'session'], name).not.toContain(spec.permission)
    }
  })
})

describe('the default permission matrix', () => {
  it('gives cashiers selling only', () => {
    expect(ROLE_PERMISSIONS.cashier).toEqual(['sell'])
  })

  it('gives managers the counter-side capabilities on top', () => {
    expect([...ROLE_PERMISSIONS.manager].sort()).toEqual(
      [
        'sell',
        'refund',
        'void',
        'price-override',
        'cash-move',
        'shift-close',
        'coupons-manage',
        'catalog-manage'
      ].sort()
    )
  })

  it('gives owners everything', () => {
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual(
      PERMISSIONS.filter((p) => p !== 'public' && p !== 'session').sort()
    )
  })

  it('opens public and session channels to every role (the gate checks login)', () => {
    for (const role of ['cashier', 'manager', 'owner'] as const) {
      expect(roleCan(role, 'public')).toBe(true)
      expect(roleCan(role, 'session')).toBe(true)
    }
    expect(roleCan('cashier', 'refund')).toBe(false)
    expect(roleCan('manager', 'users-manage')).toBe(false)
  })
})

describe('password rules', () => {
  it.each([
    ['short1', 'li', 'passwordTooShort'],
    ['12345678', 'li', 'passwordAllDigits'],
    ['cashier-li', 'Cashier-Li', 'passwordIsUsername'],
    ['x'.repeat(129), 'li', 'passwordTooLong'],
    ['tea-and-rice', 'li', null]
  ])('%s (username %s) → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem)
  })

  it('maps every reason text back to its key, for the renderer to translate', () => {
    for (const [key, text] of Object.entries(ACCOUNT_MESSAGES))
      expect(reasonKey(text).key).toBe(`errors.accounts.${key}`)
    expect(reasonKey('something else').key).toBe('errors.validation.invalid')
  })
})
