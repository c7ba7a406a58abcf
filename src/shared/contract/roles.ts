import type { Permission } from './permissions'

export const ROLES = ['cashier', 'manager', 'owner'] as const
export type Role = (typeof ROLES)[number]

const CASHIER: readonly Permission[] = ['sell']
const MANAGER: readonly Permission[] = [
  ...CASHIER,
  'refund',
  'void',
  'price-override',
  'cash-move',
  'shift-close',
  'coupons-manage',
  'catalog-manage'
]
const OWNER: readonly Permission[] = [...MANAGER, 'users-manage', 'settings-manage', 'settlement-manage']

/**
 * The default permission matrix: which capabilities each role holds. `public` and
 * `session` are not capabilities (the gate handles them), so they are not listed.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  cashier: CASHIER,
  manager: MANAGER,
  owner: OWNER
}

/** Whether a logged-in, unlocked user with `role` may use a channel declaring `permission`. */
export function roleCan(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true
  return ROLE_PERMISSIONS[role].includes(permission)
}
