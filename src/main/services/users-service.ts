import {
  ACCOUNT_MESSAGES as M,
  passwordProblem,
  type CurrentUser,
  type NewUser,
  type ProfileUpdate,
  type User,
  type UserUpdate
} from '@shared/contract'
import { DomainError, conflict, invalid, notFound } from '../domain/errors'
import type { UserRecord } from '../store/repos/users-repo'
import { publicUser } from './account-views'
import { assertUsernameFree as usernameFree, insertUser, newUserRecord } from './new-user'
import { toCurrentUser, toUser } from './account-views'
import { checkCredential } from './credentials'
import { DEFAULT_HASH_PARAMS, hashSecret, type HashParams } from './secret-hash'
import { recordChange, type Actor, type ServiceContext } from './service-context'

/**
 * Staff: the owner adds, edits and deactivates users; everyone edits their own profile.
 * Audit details name what changed, never a secret or its hash.
 */
export function createUsersService(ctx: ServiceContext, options: { hashParams?: HashParams } = {}) {
  const { store, clock } = ctx
  const hashParams = options.hashParams ?? DEFAULT_HASH_PARAMS

  const checkPassword = (field: string, password: string, username: string): void => {
    const problem = passwordProblem(password, username)
    if (problem) throw invalid(field, `${field}: ${M[problem]}`, { key: `errors.accounts.${problem}` })
  }

  const assertUsernameFree = (username: string, exceptId: string | null): void =>
    usernameFree(ctx, username, { exceptId })

  return {
    /**
     * Every staff member as the Users screen shows them (never a hash; `lockedUntil` while locked out).
     */
    list(): User[] {
      const now = clock.now()
      return store.users.list().map((record) => toUser(record, now))
    },

    /**
     * The owner adds a person (`users:create`), through the one user-creation path (`new-user.ts`).
     *
     * @throws DomainError `VALIDATION` on `password` (`errors.accounts.<reason>`), `CONFLICT` on `username`
     *   (`errors.accounts.usernameTaken`)
     */
    async create(input: NewUser, actor: Actor): Promise<User> {
      const record = await newUserRecord(ctx, input, { hashParams, fields: '' })
      store.transaction(() =>
        insertUser(ctx, record, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          fields: ''
        })
      )
      return toUser(record, clock.now())
    },

    /**
     * Changes a person's name, username, role, password, PIN or active flag, with the audit entry and `user.changed` / `user.deactivated` / `user.reactivated` event; the last active owner cannot be demoted or deactivated.
     * @throws DomainError NOT_FOUND `id` (`errors.notFound.user`); VALIDATION `password` (`errors.accounts.<reason>`); CONFLICT `username` (`errors.accounts.usernameTaken`), `role`/`active` (`errors.accounts.lastOwner`)
     */
    async update(input: UserUpdate, actor: Actor): Promise<User> {
      const { userId: actorUserId, approverUserId = null } = actor
      const existing = store.users.get(input.id)
      if (!existing) throw notFound('User', 'id', 'user')
      const username = input.username ?? existing.username
      if (input.password !== undefined) checkPassword('password', input.password, username)
      if (input.username !== undefined) assertUsernameFree(input.username, existing.id)
      const passwordHash = input.password !== undefined ? await hashSecret(input.password, hashParams) : null
      const pinHash = input.pin !== undefined ? await hashSecret(input.pin, hashParams) : null

      const saved = store.transaction(() => {
        const before = store.users.get(input.id)
        if (!before) throw notFound('User', 'id', 'user')
        if (input.username !== undefined) assertUsernameFree(input.username, before.id)
        const next: UserRecord = {
          ...before,
          username,
          displayName: input.displayName ?? before.displayName,
          role: input.role ?? before.role,
          active: input.active ?? before.active,
          passwordHash: passwordHash ?? before.passwordHash,
          pinHash: pinHash ?? before.pinHash,
          updatedAt: clock.now().toISOString()
        }
        const wasActiveOwner = before.role === 'owner' && before.active
        if (wasActiveOwner && store.users.activeOwnerCount() <= 1) {
          if (next.role !== 'owner')
            throw conflict(`role: ${M.lastOwner}`, 'role', { key: 'errors.accounts.lastOwner' })
          if (!next.active)
            throw conflict(`active: ${M.lastOwner}`, 'active', { key: 'errors.accounts.lastOwner' })
        }
        const changed = (['username', 'displayName', 'role', 'active'] as const).filter(
          (key) => next[key] !== before[key]
        )
        const secrets = [passwordHash ? 'password' : null, pinHash ? 'pin' : null].filter(
          (s): s is string => s !== null
        )
        store.users.update(next)
        // A new password from the owner, or reactivation, is the way out of a lockout.
        if (passwordHash || (next.active && !before.active)) store.users.setFailedAttempts(next.id, 0, null)
        const action =
          before.active && !next.active
            ? 'user.deactivated'
            : !before.active && next.active
              ? 'user.reactivated'
              : 'user.changed'
        recordChange(ctx, {
          actorUserId,
          approverUserId,
          action,
          subject: next.id,
          details: {
            username: next.username,
            changed: [...changed, ...secrets],
            before: Object.fromEntries(changed.map((key) => [key, before[key]])),
            after: Object.fromEntries(changed.map((key) => [key, next[key]]))
          },
          event: { type: action, aggregateId: next.id, payload: publicUser(next) }
        })
        return store.users.get(next.id)!
      })
      return toUser(saved, clock.now())
    },

    /**
     * Your own profile: the name freely; the password and PIN only with your current password (a
     * wrong one counts toward your lockout). One transaction with the `user.changed` audit entry and event.
     * @throws DomainError VALIDATION `currentPassword` `errors.accounts.currentPasswordRequired`,
     *   `errors.accounts.wrongPassword`; VALIDATION `newPassword` `errors.accounts.<reason>`
     *   (`passwordProblem`); UNAUTHENTICATED `currentPassword` `errors.accounts.accountLocked`,
     *   `errors.accounts.accountDeactivated`; NOT_FOUND `id` `errors.notFound.user`
     */
    async updateOwn(user: UserRecord, input: ProfileUpdate): Promise<CurrentUser> {
      const changingSecret = input.newPassword !== undefined || input.newPin !== undefined
      if (changingSecret) {
        if (!input.currentPassword)
          throw invalid('currentPassword', `currentPassword: ${M.currentPasswordRequired}`, {
            key: 'errors.accounts.currentPasswordRequired'
          })
        if (input.newPassword !== undefined) checkPassword('newPassword', input.newPassword, user.username)
        await checkCredential(ctx, {
          user,
          secret: input.currentPassword,
          kind: 'password',
          purpose: 'profile',
          wrong: new DomainError('VALIDATION', `currentPassword: ${M.wrongPassword}`, 'currentPassword', {
            key: 'errors.accounts.wrongPassword'
          }),
          userField: 'currentPassword'
        })
      }
      const passwordHash =
        input.newPassword !== undefined ? await hashSecret(input.newPassword, hashParams) : null
      const pinHash = input.newPin !== undefined ? await hashSecret(input.newPin, hashParams) : null
      const saved = store.transaction(() => {
        const before = store.users.get(user.id)
        if (!before) throw notFound('User', 'id', 'user')
        const next: UserRecord = {
          ...before,
          displayName: input.displayName ?? before.displayName,
          passwordHash: passwordHash ?? before.passwordHash,
          pinHash: pinHash ?? before.pinHash,
          updatedAt: clock.now().toISOString()
        }
        const changed = [
          next.displayName !== before.displayName ? 'displayName' : null,
          passwordHash ? 'password' : null,
          pinHash ? 'pin' : null
        ].filter((s): s is string => s !== null)
        if (changed.length === 0) return before
        store.users.update(next)
        recordChange(ctx, {
          actorUserId: user.id,
          action: 'user.changed',
          subject: user.id,
          details: {
            username: next.username,
            changed,
            via: 'profile',
            ...(next.displayName !== before.displayName
              ? { before: { displayName: before.displayName }, after: { displayName: next.displayName } }
              : {})
          },
          event: { type: 'user.changed', aggregateId: user.id, payload: publicUser(next) }
        })
        return next
      })
      return toCurrentUser(saved)
    }
  }
}

export type UsersService = ReturnType<typeof createUsersService>
