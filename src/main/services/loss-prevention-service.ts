import type { LossPrevention, LossPreventionInput } from '@shared/contract'
import { minorDigits } from '@shared/money/currencies'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { DomainError } from '../domain/errors'
import { recordChange, type Actor, type ServiceContext } from './service-context'
import type { SettingsService } from './settings-service'

/** No threshold a shop could mean is above a million of its currency's major units. */
const MAX_MAJOR_UNITS = 1_000_000

/**
 * Loss prevention: the thresholds above which a cashier's action needs a manager in place
 * (refunds per order and per shift, cash paid out for refunds, line discounts) and whether
 * the closing count is blind. Amounts are minor units of the store currency.
 */
export function createLossPreventionService(ctx: ServiceContext, deps: { settings: SettingsService }) {
  const { store } = ctx

  const get = (): LossPrevention => ({
    refundApprovalThreshold: store.refunds.approvalThreshold(),
    ...store.lossPrevention.get()
  })

  /** Reads an amount of the store currency, refusing one no shop could mean (VALIDATION on `field`). */
  const amount = (value: string, field: string): number => {
    const currency = deps.settings.getProfile().currency
    const minor = parseDecimalToMinor(value, currency, field)
    const max = MAX_MAJOR_UNITS * 10 ** minorDigits(currency)
    if (minor > max) {
      const limit = formatMinor(max, currency, deps.settings.getProfile().locale)
      throw new DomainError('VALIDATION', `${field}: must be at most ${limit}`, field, {
        key: 'errors.approvals.tooLarge',
        params: { limit }
      })
    }
    return minor
  }

  return {
    /** The thresholds now (minor units; `shiftRefundLimit` null = no limit). Raises nothing. */
    get,

    /**
     * Saves every threshold at once (decimal strings of the store currency in, minor units out),
     * with its audit entry and `approvals.policy_updated` outbox event, in one transaction.
     * @throws DomainError VALIDATION on `refundApprovalThreshold` / `shiftRefundLimit` /
     *   `cashRefundThreshold`: `errors.approvals.tooLarge` { limit } above a million major units;
     *   and, as a FieldError the router makes VALIDATION, `errors.validation.notADecimal`,
     *   `tooManyDecimalsFor` / `wholeNumberFor` (more decimals than the currency has), `tooLarge`
     */
    update(input: LossPreventionInput, actor: Actor): LossPrevention {
      const { userId: actorUserId, approverUserId } = actor
      const after = {
        refundApprovalThreshold: amount(input.refundApprovalThreshold, 'refundApprovalThreshold'),
        shiftRefundLimit:
          input.shiftRefundLimit === null ? null : amount(input.shiftRefundLimit, 'shiftRefundLimit'),
        cashRefundThreshold: amount(input.cashRefundThreshold, 'cashRefundThreshold'),
        lineDiscountLimit: input.lineDiscountLimit,
        blindClose: input.blindClose
      }
      return store.transaction(() => {
        const before = get()
        store.refunds.setApprovalThreshold(after.refundApprovalThreshold)
        const { refundApprovalThreshold: _threshold, ...rest } = after
        store.lossPrevention.save(rest)
        recordChange(ctx, {
          actorUserId,
          approverUserId: approverUserId ?? null,
          action: 'approvals.policy_updated',
          subject: 'loss_prevention',
          details: { before, after },
          event: { type: 'approvals.policy_updated', aggregateId: 'loss_prevention', payload: after }
        })
        return get()
      })
    }
  }
}

export type LossPreventionService = ReturnType<typeof createLossPreventionService>
