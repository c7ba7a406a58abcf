import type { NewUser } from '@shared/contract'

/**
 * The people of a simulated shop. Their passwords are printed here on purpose: a simulated till
 * holds only made-up sales (simulate refuses any other), and whoever opens it afterwards in the
 * app (to look at the day it sold) signs in with them.
 */
export const SIM_STAFF = {
  owner: { displayName: '店主 王', username: 'owner', role: 'owner', password: 'demo-owner-1', pin: '1111' },
  manager: {
    displayName: '店长 赵',
    username: 'manager',
    role: 'manager',
    password: 'demo-manager-1',
    pin: '3333'
  },
  cashier: {
    displayName: '收银员 李',
    username: 'cashier',
    role: 'cashier',
    password: 'demo-cashier-1',
    pin: '2222'
  }
} as const satisfies Record<string, NewUser>

/** Coupons a simulated shop hands out, created on its first run (where coupons are local). */
export const SIM_COUPONS = [
  { code: 'SIM10', type: 'rate', rate: '0.1', minSpend: '30.00' },
  { code: 'SIM5', type: 'amount', amount: '5.00', minSpend: '20.00' },
  { code: 'SIMONCE', type: 'amount', amount: '3.00', usageLimit: 2 }
] as const
