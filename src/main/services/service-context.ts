import type { Clock } from '../core/clock'
import type { EventBus } from '../core/event-bus'
import type { Logger } from '../core/logger'
import { newId } from '../core/ids'
import type { Store } from '../store/store'

/**
 * Who a service acts for: the signed-in person behind the call (null before anyone has logged in,
 * e.g. first-run set-up) and, when someone approved it in place, the approver. Handlers build it
 * with `actorOf(sessions, ctx)` (`api/actor.ts`).
 */
export interface Actor {
  userId: string | null
  approverUserId?: string | null
}

/** What every service is built from. */
export interface ServiceContext {
  store: Store
  clock: Clock
  events: EventBus
  logger: Logger
}

export interface ChangeRecord {
  /** Who did it (null before anyone has logged in, e.g. first-run set-up). */
  actorUserId: string | null
  approverUserId?: string | null
  action: string
  subject?: string | null
  details: Record<string, unknown>
  /** The outbox event the sync will push. */
  event: { type: string; aggregateId: string; payload: unknown }
}

/**
 * Writes the audit entry and the outbox event for a change. Call it inside the same
 * `store.transaction` as the business rows, so all three commit together or not at all.
 */
export function recordChange(ctx: ServiceContext, change: ChangeRecord): void {
  const at = ctx.clock.now().toISOString()
  ctx.store.audit.append({
    id: newId(),
    at,
    actorUserId: change.actorUserId,
    approverUserId: change.approverUserId ?? null,
    action: change.action,
    subject: change.subject ?? null,
    details: change.details
  })
  ctx.store.outbox.append({ id: newId(), at, ...change.event })
}
