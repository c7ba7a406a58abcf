import { ACCOUNT_MESSAGES as M } from '@shared/contract'
import { DomainError } from '../domain/errors'
import type { UserRecord } from '../store/repos/users-repo'
import { isLockedOut } from './account-views'
import { burnVerify, verifySecret } from './secret-hash'
import type { ServiceContext } from './service-context'
import { newId } from '../core/ids'
import { oneAtATimePerKey } from '@shared/one-at-a-time'

export interface CredentialCheck {
  /** The user named, or null when no such username exists. */
  user: UserRecord | null
  secret: string
  kind: 'password' | 'pin'
  /** What was being attempted, for the audit log: `login`, `unlock`, `switch`, `override`, `profile`. */
  purpose: string
  /** The error for a wrong secret (or an unknown user): its code, field and reason. */
  wrong: DomainError
  /** The field the lockout and deactivation errors name. */
  userField: string
}

/**
 * Attempts in flight per account. The lock must be checked, the slow hash run and the miss
 * counted as one step: checked side by side, 64 guesses all see "not locked" and all get a
 * hash (issue 11: 255 manager PINs tried in 21 s). Attempts on one account therefore run one
 * after another; attempts on different accounts still run in parallel.
 */
const oneAtATime = oneAtATimePerKey()

/**
 * Checks a password or PIN with the failed-attempt lockout: a locked-out account is refused
 * without looking at the secret; every miss is counted and audited, and the miss that reaches
 * the limit locks the account for the configured minutes. A hit resets the count.
 * Deactivated accounts are refused after the secret is checked, so the answer does not tell
 * a guesser which usernames exist.
 *
 * Attempts on one account are serialised (see `inFlight`) and each re-reads the account once
 * its turn comes, so the limit holds under any concurrency, for logins, unlocks, switches and
 * manager overrides alike (an override's wrong PIN counts toward, and locks, the approver).
 * @throws `check.wrong` (the caller's error) for a wrong secret or unknown user; DomainError
 *   UNAUTHENTICATED on `check.userField`: `errors.accounts.accountLocked` (already locked out; the miss
 *   that locks still gets `check.wrong`), `errors.accounts.accountDeactivated`
 */
export async function checkCredential(ctx: ServiceContext, check: CredentialCheck): Promise<UserRecord> {
  if (!check.user) return checkOnce(ctx, check)
  return oneAtATime(check.user.id, () =>
    checkOnce(ctx, { ...check, user: ctx.store.users.get(check.user!.id) ?? check.user })
  )
}

async function checkOnce(ctx: ServiceContext, check: CredentialCheck): Promise<UserRecord> {
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
      // What was typed names nobody, so it may well be a password typed into the wrong field:
      // it is never stored (issue 11), only that the name was unknown.
      audit('auth.failed', null, { purpose, kind, reason: 'unknown user' })
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
