import { ROLE_PERMISSIONS, type CurrentUser, type User } from '@shared/contract'
import type { UserRecord } from '../store/repos/users-repo'

/** A user as the Users screen sees it: never a hash. */
export function toUser(record: UserRecord, now: Date): User {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    active: record.active,
    lockedUntil: isLockedOut(record, now) ? record.lockedUntil : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt
  }
}

/** The signed-in user as the renderer holds it, with their role's permissions (`ROLE_PERMISSIONS`). */
export function toCurrentUser(record: UserRecord): CurrentUser {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    permissions: [...ROLE_PERMISSIONS[record.role]]
  }
}

/** Whether a failed-attempt lockout still runs at `now` (`lockedUntil` is an ISO instant). */
export function isLockedOut(record: Pick<UserRecord, 'lockedUntil'>, now: Date): boolean {
  return record.lockedUntil !== null && new Date(record.lockedUntil).getTime() > now.getTime()
}

/** What the outbox carries about a user: never a hash. */
export function publicUser(record: UserRecord): Record<string, unknown> {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    active: record.active
  }
}
