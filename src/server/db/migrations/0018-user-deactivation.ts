import type { HqMigration } from './types'

/**
 * A head-office user can be deactivated instead of deleted: they cannot sign in and their sessions
 * end, but their row stays so the audit trail still names who did what, and the owner can
 * reactivate them. NULL is an active user (every user before this migration).
 */
export const migration0018UserDeactivation: HqMigration = {
  version: 18,
  name: 'user-deactivation',
  statements: [`ALTER TABLE hq_users ADD COLUMN deactivated_at TEXT`]
}
