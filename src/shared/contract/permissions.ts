/**
 * What a caller must be allowed to do to use a channel. Every channel declares one;
 * the router checks it in main before the handler runs.
 *
 * - `public`: callable before anyone logs in (app info, first-run set-up, login).
 * - `session`: any logged-in user (their own profile, reading the store profile).
 * - the rest are capabilities granted to roles by the permission matrix.
 */
export const PERMISSIONS = [
  'public',
  'session',
  'sell',
  'refund',
  'void',
  'price-override',
  'cash-move',
  'shift-close',
  'coupons-manage',
  'catalog-manage',
  'users-manage',
  'settings-manage',
  'settlement-manage'
] as const

export type Permission = (typeof PERMISSIONS)[number]
