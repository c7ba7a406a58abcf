import type { SessionRegistry } from '../core/sessions'
import type { Actor } from '../services/service-context'
import type { CallContext } from './router'

/**
 * The one way a handler turns a call into the `Actor` a service acts for: the session's user and,
 * when the router checked a manager's PIN in place, the approver.
 */
export function actorOf(sessions: SessionRegistry, ctx: CallContext): Actor {
  return { userId: sessions.userIdOf(ctx.sessionId), approverUserId: ctx.approverUserId ?? null }
}
