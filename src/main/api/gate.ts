import { ACCOUNT_MESSAGES as M, roleCan } from '@shared/contract'
import type { Clock } from '../core/clock'
import type { SessionRegistry } from '../core/sessions'
import type { ResolvedSession } from '../services/accounts-service'
import type { Session } from '../core/sessions'
import type { Gate } from './router'

/**
 * Refuses calls from sessions main never opened (a forged or expired web token, a
 * window that is gone). Used only while the database is unavailable.
 */
export function sessionGate(sessions: SessionRegistry): Gate {
  return (permission, ctx) => {
    if (permission === 'public') return null
    if (!sessions.get(ctx.sessionId))
      return {
        code: 'UNAUTHENTICATED',
        message: 'No session; reload the app',
        key: 'errors.accounts.noSession'
      }
    return null
  }
}

/**
 * The role gate: `public` is open to every session (set-up, login, unlock, status);
 * everything else needs a logged-in, unlocked user, and a capability needs a role that
 * holds it. Runs before the handler; a locked session gets only the public channels.
 */
export function roleGate(deps: {
  sessions: SessionRegistry
  clock: Clock
  resolveSession: (session: Session) => ResolvedSession
}): Gate {
  return (permission, ctx) => {
    if (permission === 'public') return null
    const session = deps.sessions.get(ctx.sessionId)
    if (!session)
      return {
        code: 'UNAUTHENTICATED',
        message: 'No session; reload the app',
        key: 'errors.accounts.noSession'
      }
    const resolved = deps.resolveSession(session)
    if (resolved.state === 'signed-out')
      return { code: 'UNAUTHENTICATED', message: M.notLoggedIn, key: 'errors.accounts.notLoggedIn' }
    if (resolved.state === 'locked')
      return { code: 'UNAUTHENTICATED', message: M.tillLocked, key: 'errors.accounts.tillLocked' }
    session.lastActiveAt = deps.clock.now()
    if (!roleCan(resolved.user.role, permission)) {
      return {
        code: 'FORBIDDEN',
        message: `the ${resolved.user.role} role may not do this (needs ${permission})`,
        key: 'errors.accounts.roleMayNot',
        params: { role: resolved.user.role, permission }
      }
    }
    return null
  }
}
