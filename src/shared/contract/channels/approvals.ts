import { z } from 'zod'
import { channel } from '../channel'
import { amountSchema, rateSchema } from './cart'

// Loss prevention: what a cashier may do alone before a manager approves in place. Every
// threshold counts what a split would hide (issue 11: ¥360 refunded as four refunds of
// ≤ ¥100): an order's refunds together, a cashier's refunds over the shift.

const minor = z.number().int()

export const lossPreventionSchema = z.object({
  /** An order's refunds together above this (minor units) need a manager. */
  refundApprovalThreshold: minor,
  /** A cashier's refunds in one shift above this need a manager; null: no limit. */
  shiftRefundLimit: minor.nullable(),
  /** Cash paid out of the drawer for a cashier's refund above this needs a manager (0: always). */
  cashRefundThreshold: minor,
  /** The largest share of a line's gross a cashier may discount alone (`"0.2"` = 20 %). */
  lineDiscountLimit: z.string(),
  /** The closing count hides the expected cash while counting. */
  blindClose: z.boolean()
})
export type LossPrevention = z.infer<typeof lossPreventionSchema>

/** The same, as typed in Settings: amounts as decimal strings of the store currency. */
export const lossPreventionInputSchema = z
  .object({
    refundApprovalThreshold: amountSchema,
    shiftRefundLimit: amountSchema.nullable(),
    cashRefundThreshold: amountSchema,
    lineDiscountLimit: rateSchema,
    blindClose: z.boolean({ error: 'must be true or false' })
  })
  .strict()
export type LossPreventionInput = z.infer<typeof lossPreventionInputSchema>

export const approvalsChannels = {
  'approvals:get-policy': channel({
    summary:
      'The loss-prevention thresholds: refunds per order and per shift, cash refunds, line discounts, blind close.',
    input: z.object({}).strict(),
    output: lossPreventionSchema,
    permission: 'session'
  }),
  'approvals:update-policy': channel({
    summary: 'Saves the loss-prevention thresholds (owner).',
    input: lossPreventionInputSchema,
    output: lossPreventionSchema,
    permission: 'settings-manage',
    overridable: true
  })
}
