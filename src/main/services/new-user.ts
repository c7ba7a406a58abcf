import { ACCOUNT_MESSAGES as M, passwordProblem, type NewUser } from '@shared/contract'
import { newId } from '../core/ids'
import { conflict, invalid } from '../domain/errors'
import type { UserRecord } from '../store/repos/users-repo'
import { publicUser } from './account-views'
import { hashSecret, type HashParams } from './secret-hash'
import { recordChange, type ServiceContext } from './service-context'

// The one way a user comes to exist: the owner at first-run set-up (`accounts.setup`) and every
// other person added on the Users screen (`users.create`) both go through these two steps.

/**
 * The record of a new, active user, with the password and PIN hashed (scrypt, per-user salt). Slow on
 * purpose, so it runs before the caller's transaction; `insertUser` then writes it.
 *
 * @param options.fields where the input sits, for errors: `''` for `users:create`, `'owner.'` for set-up
 * @throws DomainError `VALIDATION` on `${fields}password` (`errors.accounts.<reason>`: the rule is
 *   `passwordProblem` in `shared/contract/account-messages.ts`), then `CONFLICT` on `${fields}username`
 *   (`errors.accounts.usernameTaken`)
 */
export async function newUserRecord(
  ctx: ServiceContext,
  input: Pick<NewUser, 'username' | 'displayName' | 'role' | 'password' | 'pin'>,
  options: { hashParams: HashParams; fields: '' | 'owner.' }
): Promise<UserRecord> {
  const field = `${options.fields}password`
  const problem = passwordProblem(input.password, input.username)
  if (problem) throw invalid(field, `${field}: ${M[problem]}`, { key: `errors.accounts.${problem}` })
  assertUsernameFree(ctx, input.username, { fields: options.fields })
  const [passwordHash, pinHash] = await Promise.all([
    hashSecret(input.password, options.hashParams),
    hashSecret(input.pin, options.hashParams)
  ])
  const at = ctx.clock.now().toISOString()
  return {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    pinHash,
    active: true,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at
  }
}

/**
 * Refuses a username someone already has; the `CONFLICT` names `${fields}username`
 * (`errors.accounts.usernameTaken`). `exceptId` is the user being edited, who may keep theirs.
 */
export function assertUsernameFree(
  ctx: ServiceContext,
  username: string,
  options: { exceptId?: string | null; fields?: '' | 'owner.' } = {}
): void {
  const other = ctx.store.users.findByUsername(username)
  if (other && other.id !== (options.exceptId ?? null)) {
    const field = `${options.fields ?? ''}username`
    throw conflict(`${field}: ${M.usernameTaken}`, field, { key: 'errors.accounts.usernameTaken' })
  }
}

/**
 * Inside the caller's transaction: checks the username is still free (another window may have taken it
 * while the secrets were hashed), inserts the user and records `user.created` in the audit log and the
 * outbox (never a secret or its hash).
 *
 * @throws DomainError `CONFLICT` on `${fields}username` (`errors.accounts.usernameTaken`)
 */
export function insertUser(
  ctx: ServiceContext,
  record: UserRecord,
  by: { actorUserId: string | null; approverUserId?: string | null; fields: '' | 'owner.'; via?: 'setup' }
): void {
  assertUsernameFree(ctx, record.username, { fields: by.fields })
  ctx.store.users.insert(record)
  recordChange(ctx, {
    actorUserId: by.actorUserId,
    approverUserId: by.approverUserId ?? null,
    action: 'user.created',
    subject: record.id,
    details: {
      username: record.username,
      displayName: record.displayName,
      role: record.role,
      ...(by.via ? { via: by.via } : {})
    },
    event: { type: 'user.created', aggregateId: record.id, payload: publicUser(record) }
  })
}
