import type { SessionRegistry } from '../../core/sessions'
import type { EvaluationsService } from '../../services/evaluations/evaluations-service'
import type { NotificationsService } from '../../services/notifications-service'
import type { SettlementService } from '../../services/settlement/settlement-service'
import type { ShiftsService } from '../../services/shifts/shifts-service'
import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'

export interface SettlementDeps {
  shifts: ShiftsService
  settlement: SettlementService
  notifications: NotificationsService
  evaluations: EvaluationsService
  sessions: SessionRegistry
}

/** Shifts and the drawer, daily settlement, notifications, and customers' ratings. */
export function registerSettlementHandlers(router: Router, deps: SettlementDeps): void {
  const { shifts, settlement, notifications, evaluations, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('shifts:current', (_input, ctx) => shifts.current(actor(ctx)))
  router.handle('shifts:open', (input, ctx) => shifts.open(input, actor(ctx)))
  router.handle('shifts:cash-move', (input, ctx) => shifts.moveCash(input, actor(ctx)))
  router.handle('shifts:close', (input, ctx) => shifts.close(input, actor(ctx)))
  router.handle('shifts:list', (input, ctx) => shifts.list(input.limit, actor(ctx)))

  router.handle('settlement:report', (input) => settlement.report(input.date))
  router.handle('settlement:settle', (input, ctx) => settlement.settle(input.date, actor(ctx)))
  router.handle('settlement:orders', (input) =>
    settlement.orders(input.date, input.filter, input.limit, input.offset)
  )
  router.handle('settlement:csv', (input) => settlement.csv(input.date))
  router.handle('settlement:ledger-check', (input) => settlement.ledgerCheck(input.date))

  router.handle('notifications:list', (_input, ctx) => notifications.list(actor(ctx)))
  router.handle('notifications:mark-read', (input, ctx) => notifications.markRead(input.ids, actor(ctx)))

  router.handle('evaluations:for-order', (input) => evaluations.forOrder(input.orderId))
  router.handle('evaluations:save', (input, ctx) => evaluations.save(input, actor(ctx)))
  router.handle('evaluations:product-ratings', () => evaluations.productRatings())
}
