import type { Permission } from './permissions'

/**
 * Which permission a notification's message key needs before anyone sees it. A settled day's
 * notice carries the Z-report's figures (net sales, collected, the drawer's over/short), so it
 * goes only to roles that may read the Z-report (`settlement:report`, `shift-close`): the README
 * has main send a cashier no drawer figures. A reconciliation run's differences (the provider's
 * fees and payout, trades to repair) are for the same managers and owners: a cashier can do nothing
 * about them. Keys not listed (and keyless notices) are for everyone.
 */
export const NOTIFICATION_PERMISSIONS: Readonly<Record<string, Permission>> = {
  'notifications.dayClosed': 'shift-close',
  'notifications.reconciliationDifferences': 'shift-close'
}

/** The permission a notification with `key` needs: `session` (anyone signed in) when none is listed. */
export function notificationPermission(key: string | null | undefined): Permission {
  return (key && NOTIFICATION_PERMISSIONS[key]) || 'session'
}
