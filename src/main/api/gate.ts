import type { Gate } from './router'
import type { SessionRegistry } from '../core/sessions'

/**
 * Refuses calls from sessions main never opened (a forged or expired web token, a
 * window that is gone). Per-role permissions are layered on by the accounts module.
 */
export function sessionGate(sessions: SessionRegistry): Gate {
  return (permission, ctx) => {
    if (permission === 'public') return null
    if (!sessions.get(ctx.sessionId)) return { code: 'UNAUTHENTICATED', message: 'No session; reload the app' }
    return null
  }
}
