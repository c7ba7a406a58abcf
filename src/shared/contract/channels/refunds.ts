import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'
import { amountSchema, quantitySchema } from './cart'
import { refundStatusSchema, tenderMethodSchema } from '../../vocabulary'

const minor = z.number().int()

export const refundSchema = z.object({
  id: text(),
  number: text(),
  orderId: text(),
  orderNumber: text().nullable(),
  status: refundStatusSchema,
  amount: minor,
  tax: minor,
  reason: text(),
  currency: text(),
  requestedBy: text().nullable(),
  approvedBy: text().nullable(),
  createdAt: text(),
  lines: z.array(
    z.object({
      lineId: text(),
      name: text(),
      nameEn: text().nullable(),
      quantity: text(),
      amount: minor
    })
  ),
  tenders: z.array(
    z.object({ method: tenderMethodSchema, amount: minor, status: refundStatusSchema, outRequestNo: text() })
  )
})

export type Refund = z.infer<typeof refundSchema>

/** What is still refundable on each line and in all. */
export const refundableSchema = z.object({
  orderId: text(),
  currency: text(),
  refundable: minor,
  approvalThreshold: minor,
  /**
   * Cash paid out of the drawer above this (minor units) needs a manager when a cashier
   * refunds; 0 means any cash refund by a cashier does (loss prevention, issue 11).
   */
  cashRefundThreshold: minor,
  lines: z.array(
    z.object({
      lineId: text(),
      name: text(),
      nameEn: text().nullable(),
      unit: text(),
      quantity: text(),
      quantityLeft: text(),
      amountLeft: minor
    })
  ),
  refunds: z.array(refundSchema)
})

export const refundsChannels = {
  'refunds:refundable': channel({
    summary: 'What can still be refunded on an order, by line and in all, with its earlier refunds.',
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: refundableSchema,
    permission: 'sell'
  }),
  'refunds:create': channel({
    summary:
      'Refunds lines (by quantity) or an amount of a paid order back to its tenders. Above the approval threshold a manager approves in place. The same refundKey again returns the first refund.',
    input: z
      .object({
        orderId: text().min(1, 'is required'),
        refundKey: text({ trim: true, max: 64 }).min(8, 'must be a unique key per refund'),
        reason: text({ trim: true, max: 200 }).min(1, 'is required'),
        lines: z
          .array(z.object({ lineId: text().min(1, 'is required'), quantity: quantitySchema }).strict())
          .min(1, 'choose at least one line')
          .optional(),
        amount: amountSchema.optional()
      })
      .strict()
      .refine((input) => (input.lines === undefined) !== (input.amount === undefined), {
        message: 'give either lines or an amount',
        path: ['lines']
      }),
    output: refundSchema,
    permission: 'sell',
    overridable: true
  }),
  'refunds:get-policy': channel({
    summary: 'The refund amount above which a manager must approve.',
    input: z.object({}).strict(),
    output: z.object({ approvalThreshold: minor }),
    permission: 'session'
  }),
  'refunds:update-policy': channel({
    summary: 'Sets the refund amount above which a manager must approve.',
    input: z.object({ approvalThreshold: amountSchema }).strict(),
    output: z.object({ approvalThreshold: minor }),
    permission: 'settings-manage'
  })
}
