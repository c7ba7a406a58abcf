import { startOfBusinessDay } from '@shared/time/zone'
import { roleCan } from '@shared/contract/roles'
import { formatMinor } from '@shared/money/format'
import { ApprovalRequired, type ApprovalDetail } from '../../domain/errors'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { Actor, ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { currentShift } from '../shifts/shift-guard'

/** A refund about to be made: `amount` and `cashOut` (paid out of the drawer) in minor units. */
export interface RefundApprovalCheck {
  order: OrderRow
  amount: number
  cashOut: number
  actor: Actor
}

/**
 * A cashier's refund needs a manager in place when it takes the order's refunds together
 * above the refund threshold, the cashier's refunds in this shift above the shift limit, or
 * pays cash out of the drawer above the cash threshold — so splitting a refund into small
 * ones approves nothing (issue 11). Someone whose role holds `refund`, or an approver, passes.
 * Throws ApprovalRequired('refund') with the reason, the amount and the limit.
 */
export function requireRefundApproval(
  ctx: ServiceContext,
  deps: { settings: SettingsService; terminal: () => string },
  check: RefundApprovalCheck
): void {
  const { store, clock } = ctx
  const { order, amount, cashOut, actor } = check
  if (actor.approverUserId) return
  const actorRole = actor.userId ? store.users.get(actor.userId)?.role : undefined
  if (actorRole && roleCan(actorRole, 'refund')) return
  const policy = store.lossPrevention.get()
  const locale = deps.settings.getProfile().locale
  const money = (minor: number): string => formatMinor(minor, order.currency, locale)
  const refuse = (reason: ApprovalDetail['reason'], total: number, limit: number, message: string) => {
    throw new ApprovalRequired('refund', message, {
      reason,
      action: 'refund',
      amount,
      currency: order.currency,
      amountText: money(total),
      limitText: money(limit)
    })
  }
  const threshold = store.refunds.approvalThreshold()
  const orderTotal = order.refunded_total + amount
  if (orderTotal > threshold)
    refuse(
      'refundOrder',
      orderTotal,
      threshold,
      `Refunds on this order above ${money(threshold)} need a manager`
    )
  if (policy.shiftRefundLimit !== null) {
    const shift = currentShift(store, deps.terminal())
    // Without an open shift (a card refund before opening), the store's day so far counts as
    // the shift — its business day, in its time zone, not the computer's.
    const now = clock.now()
    const from = shift?.opened_at ?? startOfBusinessDay(now, deps.settings.timeZone()).toISOString()
    const shiftTotal = store.lossPrevention.refundedBy(actor.userId, from, now.toISOString()) + amount
    if (shiftTotal > policy.shiftRefundLimit)
      refuse(
        'refundShift',
        shiftTotal,
        policy.shiftRefundLimit,
        `A cashier's refunds above ${money(policy.shiftRefundLimit)} in one shift need a manager`
      )
  }
  if (cashOut > policy.cashRefundThreshold)
    refuse(
      'refundCash',
      cashOut,
      policy.cashRefundThreshold,
      policy.cashRefundThreshold === 0
        ? 'A cash refund paid out by a cashier needs a manager'
        : `A cash refund above ${money(policy.cashRefundThreshold)} needs a manager`
    )
}
