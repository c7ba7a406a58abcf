import {
  ACCOUNT_MESSAGES as M,
  roleCan,
  type AccountMessageKey,
  type AuditChainStatus,
  type AuthStatus,
  type CurrentUser,
  type Override,
  type Permission,
  type SecuritySettings,
  type SetupInput
} from '@shared/contract'
import { newId } from '../core/ids'
import type { Session, SessionRegistry } from '../core/sessions'
import { DomainError, conflict } from '../domain/errors'
import type { UserRecord } from '../store/repos/users-repo'
import { toCurrentUser } from './account-views'
import { verifyAuditChain } from './audit-verify'
import { checkCredential } from './credentials'
import { insertUser, newUserRecord } from './new-user'
import { DEFAULT_HASH_PARAMS, type HashParams } from './secret-hash'
import { recordChange, type Actor, type ServiceContext } from './service-context'
import { DEMO_STORE_PROFILE } from './settings-service'

export interface AccountsOptions {
  sessions: SessionRegistry
  hashParams?: HashParams
}

/** Where a session stands after idle time and account changes are applied. */
export type ResolvedSession =
  { state: 'signed-out' } | { state: 'locked'; user: UserRecord } | { state: 'active'; user: UserRecord }

const wrong = (
  field: string,
  reason: AccountMessageKey,
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'VALIDATION' = 'UNAUTHENTICATED'
) => new DomainError(code, `${field}: ${M[reason]}`, field, { key: `errors.accounts.${reason}` })

/**
 * Sign-in and sessions: first-run set-up, login, lock and PIN unlock, switching user,
 * logout, idle auto-lock, manager approval, and the audit chain's health. Each session
 * (window or page load) is bound to at most one user, in main.
 */
export function createAccountsService(ctx: ServiceContext, options: AccountsOptions) {
  const { store, clock, logger } = ctx
  const { sessions } = options
  const hashParams = options.hashParams ?? DEFAULT_HASH_PARAMS
  let auditStatus: AuditChainStatus = verifyAuditChain(store.audit.iterate())
  if (!auditStatus.ok)
    logger.error('audit.chain_broken', { seq: auditStatus.brokenAtSeq, reason: auditStatus.reason })

  const audit = (
    action: string,
    actorUserId: string | null,
    details: Record<string, unknown>,
    subject?: string
  ): void => {
    store.audit.append({
      id: newId(),
      at: clock.now().toISOString(),
      actorUserId,
      action,
      subject: subject ?? null,
      details
    })
  }

  const sessionOf = (sessionId: string): Session => {
    const session = sessions.get(sessionId)
    if (!session)
      throw new DomainError('UNAUTHENTICATED', 'No session; reload the app', undefined, {
        key: 'errors.accounts.noSession'
      })
    return session
  }

  const bind = (session: Session, user: UserRecord): void => {
    session.userId = user.id
    session.locked = false
    session.lastActiveAt = clock.now()
  }

  /**
   * Applies what changed since the session's last call: a deactivated or removed user is
   * signed out; a session idle past the store's limit is locked (and that is audited).
   */
  function resolveSession(session: Session): ResolvedSession {
    if (!session.userId) return { state: 'signed-out' }
    const user = store.users.get(session.userId)
    if (!user || !user.active) {
      session.userId = null
      session.locked = false
      return { state: 'signed-out' }
    }
    if (!session.locked) {
      const idleMs = store.security.get().idleLockMinutes * 60_000
      if (clock.now().getTime() - session.lastActiveAt.getTime() >= idleMs) {
        session.locked = true
        store.transaction(() =>
          audit('auth.locked', user.id, { reason: 'idle', session: sessionKind(session.id) })
        )
      }
    }
    return session.locked ? { state: 'locked', user } : { state: 'active', user }
  }

  function status(sessionId: string): AuthStatus {
    const session = sessions.get(sessionId)
    const resolved: ResolvedSession = session ? resolveSession(session) : { state: 'signed-out' }
    const setupRequired = store.users.setupCompletedAt() === null
    const profile = store.settings.getProfile() ?? DEMO_STORE_PROFILE
    const user = resolved.state === 'signed-out' ? null : resolved.user
    return {
      setupRequired,
      storeName: profile.storeName,
      setupProfile: setupRequired ? profile : null,
      state: resolved.state,
      user: user ? toCurrentUser(user) : null,
      idleLockMinutes: store.security.get().idleLockMinutes,
      auditWarning:
        resolved.state === 'active' && user?.role === 'owner' && !auditStatus.ok ? auditStatus : null
    }
  }

  const requireSetupDone = (): void => {
    if (store.users.setupCompletedAt() === null)
      throw new DomainError('UNAUTHENTICATED', M.setupRequired, undefined, {
        key: 'errors.accounts.setupRequired'
      })
  }

  return {
    resolveSession,
    /**
     * What the renderer needs to pick its screen: set-up required, signed-out / locked / active,
     * the user and their permissions, the idle-lock minutes, and (to an owner only) a broken audit
     * chain. Applies `resolveSession` on the way. Raises nothing.
     */
    status,

    /**
     * First-run set-up: the store profile and the owner (through `newUserRecord`/`insertUser`), one transaction with their audit entries and events; signs the owner in on this session.
     * @throws DomainError CONFLICT (`errors.accounts.setupDone`), `owner.username` (`errors.accounts.usernameTaken`); VALIDATION `owner.password` (`errors.accounts.<reason>`, `passwordProblem`)
     */
    async setup(sessionId: string, input: SetupInput): Promise<AuthStatus> {
      const session = sessionOf(sessionId)
      if (store.users.setupCompletedAt() !== null)
        throw conflict(M.setupDone, undefined, { key: 'errors.accounts.setupDone' })
      const { owner, profile } = input
      const record = await newUserRecord(ctx, { ...owner, role: 'owner' }, { hashParams, fields: 'owner.' })
      const at = clock.now().toISOString()
      store.transaction(() => {
        if (store.users.setupCompletedAt() !== null)
          throw conflict(M.setupDone, undefined, { key: 'errors.accounts.setupDone' })
        const before = store.settings.getProfile()
        store.settings.saveProfile(profile, at)
        insertUser(ctx, record, { actorUserId: record.id, fields: 'owner.', via: 'setup' })
        store.users.completeSetup(at, record.id)
        recordChange(ctx, {
          actorUserId: record.id,
          action: 'settings.updated',
          subject: 'store_profile',
          details: { before, after: profile },
          event: { type: 'settings.updated', aggregateId: 'store_profile', payload: profile }
        })
        audit('setup.completed', record.id, {})
        audit('auth.login', record.id, { via: 'setup', session: sessionKind(sessionId) })
      })
      ctx.events.emit('settings:changed', profile)
      bind(session, record)
      return status(sessionId)
    },

    /**
     * Signs a person in by username and password, with the failed-attempt lockout (`checkCredential`, README "Login").
     * @throws DomainError UNAUTHENTICATED `password` (`errors.accounts.wrongCredentials`, also for an unknown username), UNAUTHENTICATED on the account's field (`errors.accounts.accountLocked`, `errors.accounts.accountDeactivated`)
     */
    async login(sessionId: string, input: { username: string; password: string }): Promise<AuthStatus> {
      const session = sessionOf(sessionId)
      requireSetupDone()
      const user = await checkCredential(ctx, {
        user: store.users.findByUsername(input.username),
        secret: input.password,
        kind: 'password',
        purpose: 'login',
        wrong: wrong('password', 'wrongCredentials'),
        userField: 'username'
      })
      const previous = session.userId
      store.transaction(() => {
        if (previous && previous !== user.id)
          audit('auth.logout', previous, { reason: 'switched', session: sessionKind(sessionId) })
        audit('auth.login', user.id, { session: sessionKind(sessionId) })
      })
      bind(session, user)
      return status(sessionId)
    },

    /**
     * Unlocks this session's locked till by the same person's PIN.
     * @throws DomainError UNAUTHENTICATED `pin` (`errors.accounts.notLoggedIn`, `errors.accounts.wrongPin`), UNAUTHENTICATED on the account's field (`errors.accounts.accountLocked`, `errors.accounts.accountDeactivated`)
     */
    async unlock(sessionId: string, input: { pin: string }): Promise<AuthStatus> {
      const session = sessionOf(sessionId)
      const resolved = resolveSession(session)
      if (resolved.state === 'signed-out') throw wrong('pin', 'notLoggedIn')
      if (resolved.state === 'active') return status(sessionId)
      const user = await checkCredential(ctx, {
        user: resolved.user,
        secret: input.pin,
        kind: 'pin',
        purpose: 'unlock',
        wrong: wrong('pin', 'wrongPin'),
        userField: 'pin'
      })
      store.transaction(() => audit('auth.unlocked', user.id, { session: sessionKind(sessionId) }))
      bind(session, user)
      return status(sessionId)
    },

    /**
     * Hands the till to another person by their username and PIN.
     * @throws DomainError UNAUTHENTICATED `username` (`errors.accounts.notLoggedIn`), `pin` (`errors.accounts.wrongPin`), UNAUTHENTICATED on the account's field (`errors.accounts.accountLocked`, `errors.accounts.accountDeactivated`)
     */
    async switchUser(sessionId: string, input: { username: string; pin: string }): Promise<AuthStatus> {
      const session = sessionOf(sessionId)
      const resolved = resolveSession(session)
      // A PIN is short: it only ever reopens a till someone has already opened with a password.
      if (resolved.state === 'signed-out') throw wrong('username', 'notLoggedIn')
      const user = await checkCredential(ctx, {
        user: store.users.findByUsername(input.username),
        secret: input.pin,
        kind: 'pin',
        purpose: 'switch',
        wrong: wrong('pin', 'wrongPin'),
        userField: 'username'
      })
      store.transaction(() =>
        audit(
          'auth.switched',
          user.id,
          { from: resolved.user.id, session: sessionKind(sessionId) },
          resolved.user.id
        )
      )
      bind(session, user)
      return status(sessionId)
    },

    /**
     * Locks this session's till (the person stays signed in; their PIN unlocks it); audited.
     * @throws DomainError UNAUTHENTICATED (no field) `errors.accounts.noSession`
     */
    lock(sessionId: string): AuthStatus {
      const session = sessionOf(sessionId)
      if (session.userId && !session.locked) {
        session.locked = true
        store.transaction(() =>
          audit('auth.locked', session.userId, { reason: 'manual', session: sessionKind(sessionId) })
        )
      }
      return status(sessionId)
    },

    /** Signs this session out (audited); an unknown or signed-out session is left as it is. Raises nothing. */
    logout(sessionId: string): AuthStatus {
      const session = sessions.get(sessionId)
      if (session?.userId) {
        const userId = session.userId
        store.transaction(() => audit('auth.logout', userId, { session: sessionKind(sessionId) }))
        session.userId = null
        session.locked = false
      }
      return status(sessionId)
    },

    /**
     * The logged-in, unlocked user (the gate has already refused anyone else).
     * @throws DomainError UNAUTHENTICATED (no field) `errors.accounts.noSession`, `errors.accounts.notLoggedIn`
     */
    currentUser(sessionId: string): UserRecord {
      const resolved = resolveSession(sessionOf(sessionId))
      if (resolved.state !== 'active')
        throw new DomainError('UNAUTHENTICATED', M.notLoggedIn, undefined, {
          key: 'errors.accounts.notLoggedIn'
        })
      return resolved.user
    },

    /**
     * The signed-in person as the profile screen shows them (never a hash).
     * @throws DomainError UNAUTHENTICATED (`errors.accounts.notLoggedIn`)
     */
    currentProfile(sessionId: string): CurrentUser {
      return toCurrentUser(this.currentUser(sessionId))
    },

    /**
     * Manager override: someone else, whose role holds `permission`, approves this one call
     * with their username and PIN. Wrong PINs count toward *their* lockout. Returns the
     * approver's id for the handler to record beside the actor's; the grant or refusal is audited.
     * @throws DomainError FORBIDDEN `override.username` `errors.accounts.cannotApproveSelf`,
     *   `errors.accounts.approverCannot` (their role lacks `permission`); FORBIDDEN `override.pin`
     *   `errors.accounts.wrongPin` (also for an unknown username); UNAUTHENTICATED `override.username`
     *   `errors.accounts.accountLocked`, `errors.accounts.accountDeactivated`; and `currentUser`'s
     */
    async approve(
      sessionId: string,
      override: Override,
      permission: Permission,
      channel: string
    ): Promise<string> {
      const actor = this.currentUser(sessionId)
      if (override.username.toLowerCase() === actor.username.toLowerCase()) {
        throw wrong('override.username', 'cannotApproveSelf', 'FORBIDDEN')
      }
      const approver = await checkCredential(ctx, {
        user: store.users.findByUsername(override.username),
        secret: override.pin,
        kind: 'pin',
        purpose: 'override',
        wrong: wrong('override.pin', 'wrongPin', 'FORBIDDEN'),
        userField: 'override.username'
      })
      if (!roleCan(approver.role, permission)) {
        store.transaction(() =>
          audit('override.refused', actor.id, {
            channel,
            permission,
            approverUserId: approver.id,
            approverRole: approver.role
          })
        )
        throw wrong('override.username', 'approverCannot', 'FORBIDDEN')
      }
      store.transaction(() =>
        store.audit.append({
          id: newId(),
          at: clock.now().toISOString(),
          actorUserId: actor.id,
          approverUserId: approver.id,
          action: 'override.granted',
          subject: channel,
          details: { channel, permission, actorRole: actor.role, approverRole: approver.role }
        })
      )
      logger.info('auth.override_granted', { channel, actorUserId: actor.id, approverUserId: approver.id })
      return approver.id
    },

    /** The lockout and idle-lock settings (attempts, minutes). Raises nothing. */
    getSecurity(): SecuritySettings {
      return store.security.get()
    },

    /**
     * Saves the lockout and idle-lock settings, with the audit entry and `security.updated` event,
     * in one transaction. Ranges (idle 1–240 min, 3–20 attempts, lockout 1–120 min) are the
     * contract's (`securitySettingsSchema`): VALIDATION on the field before this runs. Raises nothing itself.
     */
    updateSecurity(settings: SecuritySettings, actor: Actor): SecuritySettings {
      const { userId: actorUserId, approverUserId } = actor
      store.transaction(() => {
        const before = store.security.get()
        store.security.save(settings)
        recordChange(ctx, {
          actorUserId,
          approverUserId: approverUserId ?? null,
          action: 'security.updated',
          subject: 'security_settings',
          details: { before, after: settings },
          event: { type: 'security.updated', aggregateId: 'security_settings', payload: settings }
        })
      })
      return settings
    },

    /** The audit chain's health as last verified (at start or by `verifyAudit`). Raises nothing. */
    auditStatus: (): AuditChainStatus => auditStatus,

    /** Re-checks the whole chain (the owner asked, or the app is starting). */
    verifyAudit(): AuditChainStatus {
      auditStatus = verifyAuditChain(store.audit.iterate())
      return auditStatus
    }
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>

/** A session id is a bearer token in web mode: the audit log keeps only its kind. */
function sessionKind(sessionId: string): string {
  return sessionId.startsWith('window-') ? sessionId : 'web'
}
