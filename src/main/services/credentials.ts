import { ACCOUNT_MESSAGES as M } from '@shared/contract'
import { DomainError } from '../domain/errors'
import type { UserRecord } from '../store/repos/users-repo'
import { isLockedOut } from './account-views'
import { burnVerify, verifySecret } from './secret-hash'
import type { ServiceContext } from './service-context'
import { newId } from '../core/ids'

export interface CredentialCheck {
  /** The user named, or null when no such username exists. */
  user: UserRecord | null
  secret: string
  kind: 'password' | 'pin'
  /** What was being attempted, for the audit log: `login`, `unlock`, `switch`, `override`, `profile`. */
  purpose: string
  /** The username as typed, for the audit log when it matches nobody. */
  typedUsername: string
  /** The error for a wrong secret (or an unknown user): its code, field and reason. */
  wrong: DomainError
  /** The field the lockout and deactivation errors name. */
  userField: string
}

/**
 * Checks a password or PIN with the failed-attempt lockout: a locked-out account is refused
 * without looking at the secret; every miss is counted and audited, and the miss that reaches
 * the limit locks the account for the configured minutes. A hit resets the count.
 * Deactivated accounts are refused after the secret is checked, so the answer does not tell
 * a guesser which usernames exist.
 */
export async function checkCredential(ctx: ServiceContext, check: CredentialCheck): Promise<UserRecord> {
  const { store, clock } = ctx
  const { user, secret, kind, purpose } = check
  const audit = (action: string, subject: string | null, details: Record<string, unknown>): void => {
    store.audit.append({
      id: newId(),
      at: clock.now().toISOString(),
      actorUserId: null,
      action,
      subject,
      details
    })
  }

  if (!user) {
    await burnVerify(secret)
    store.transaction(() =>
      audit('auth.failed', null, { purpose, kind, username: check.typedUsername, reason: 'unknown user' })
    )
    throw check.wrong
  }
  if (isLockedOut(user, clock.now())) {
    store.transaction(() =>
      audit('auth.refused', user.id, { purpose, username: user.username, reason: 'locked out' })
    )
    throw new DomainError('UNAUTHENTICATED', `${check.userField}: ${M.accountLocked}`, check.userField, {
      key: 'errors.accounts.accountLocked'
    })
  }

  const matches = await verifySecret(secret, kind === 'pin' ? user.pinHash : user.passwordHash)
  const now = clock.now()
  if (!matches) {
    store.transaction(() => {
      const fresh = store.users.get(user.id) ?? user
      const rules = store.security.get()
      const attempts = fresh.failedAttempts + 1
      audit('auth.failed', user.id, { purpose, kind, username: user.username, attempts })
      if (attempts >= rules.maxFailedAttempts) {
        const until = new Date(now.getTime() + rules.lockoutMinutes * 60_000).toISOString()
        store.users.setFailedAttempts(user.id, 0, until)
        audit('auth.lockedOut', user.id, { username: user.username, until, attempts })
        ctx.logger.warn('auth.locked_out', { userId: user.id, until })
      } else {
        store.users.setFailedAttempts(user.id, attempts, null)
      }
    })
    throw check.wrong
  }
  if (!user.active) {
    store.transaction(() =>
      audit('auth.refused', user.id, { purpose, username: user.username, reason: 'deactivated' })
    )
    throw new DomainError('UNAUTHENTICATED', `${check.userField}: ${M.accountDeactivated}`, check.userField, {
      key: 'errors.accounts.accountDeactivated'
    })
  }
  if (user.failedAttempts > 0 || user.lockedUntil !== null) {
    store.transaction(() => store.users.setFailedAttempts(user.id, 0, null))
  }
  return { ...user, failedAttempts: 0, lockedUntil: null }
}
