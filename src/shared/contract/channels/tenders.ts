import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'
import { amountSchema } from './cart'
import { orderDetailSchema } from './orders'
import { paymentStatusSchema, tenderMethodSchema } from '../../vocabulary'

// Taking payment in tenders: cash, card, Alipay and WeChat Pay, alone or split. A non-cash
// tender is a payment attempt at a provider; main polls it (about every 3 s), listens for
// verified notifications, and cancels or reverses it after about 60 s. The order is paid
// only when its succeeded tenders cover the amount due.

const minor = z.number().int()

export { TENDER_METHODS, type TenderMethod } from '../../vocabulary'

export const PAYMENT_FLOWS = ['cash', 'terminal', 'merchant_qr', 'customer_code'] as const

export const tenderSchema = z.object({
  id: text(),
  method: tenderMethodSchema,
  flow: z.enum(PAYMENT_FLOWS),
  /** created → pending | user_paying | unknown → succeeded | failed | closed | reversed */
  status: paymentStatusSchema,
  amount: minor,
  tendered: minor,
  change: minor,
  tradeNo: text().nullable(),
  /** What to show as a QR code for the customer to scan (merchant_qr). */
  qrContent: text().nullable(),
  /** The only form of a card number Kassa ever holds: 622588******1234. */
  maskedPan: text().nullable(),
  failure: z.object({ code: text(), message: text() }).nullable(),
  createdAt: text(),
  /** When main gives up waiting and cancels (merchant QR and payment codes). */
  expiresAt: text().nullable()
})

export type Tender = z.infer<typeof tenderSchema>

export const checkoutSessionSchema = z.object({
  order: orderDetailSchema,
  /** What the tenders must cover (no cash rounding once a tender is not cash). */
  due: minor,
  /** Σ succeeded tenders. */
  paid: minor,
  remaining: minor,
  /** Σ change given back by the cash tenders. */
  change: minor,
  tenders: z.array(tenderSchema)
})

export type CheckoutSession = z.infer<typeof checkoutSessionSchema>

export const methodAvailabilitySchema = z.object({ available: z.boolean(), reason: text().nullable() })

export const tendersChannels = {
  'checkout:begin': channel({
    summary:
      'Freezes the cart into an order awaiting payment (number, figures, coupons) so tenders can be taken; with `cash`, settles it wholly in cash at once (cash rounding, one cash tender) in the same transaction. The same checkoutKey again returns the same order (`replayed`).',
    input: z
      .object({
        cartId: text().min(1, 'is required'),
        checkoutKey: text({ trim: true, max: 64 }).min(8, 'must be a unique key per checkout attempt'),
        /** The whole sale in cash: what the customer handed over (the rest is change). */
        cash: z
          .object({
            tendered: amountSchema,
            /** The cashier confirmed cash beyond `plausibleTenderLimit` (shared/money/plausibility). */
            confirmLargeTender: z.boolean().optional()
          })
          .strict()
          .optional()
      })
      .strict(),
    output: checkoutSessionSchema.extend({ replayed: z.boolean() }),
    permission: 'sell'
  }),
  'checkout:state': channel({
    summary: 'An order awaiting payment (or just paid) with its tenders and what remains due.',
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: checkoutSessionSchema,
    permission: 'sell'
  }),
  'checkout:cancel': channel({
    summary: 'Cancels an order awaiting payment that has no succeeded tender; its coupons are given back.',
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: checkoutSessionSchema,
    permission: 'sell'
  }),
  'tenders:add': channel({
    summary:
      'Takes one tender towards an order: cash (with the cash handed over), the card terminal, or Alipay / WeChat Pay by QR or by the customer’s payment code. The same attemptKey again returns the same tender.',
    input: z
      .object({
        orderId: text().min(1, 'is required'),
        attemptKey: text({ trim: true, max: 64 }).min(8, 'must be a unique key per tender attempt'),
        method: tenderMethodSchema,
        /** What this tender pays towards the order; defaults to what remains. */
        amount: amountSchema.optional(),
        flow: z.enum(['merchant_qr', 'customer_code']).optional(),
        /** The customer's payment code, scanned from their phone (customer_code). */
        authCode: text()
          .trim()
          .regex(/^\d{16,24}$/, 'must be the 16–24 digits of a payment code')
          .optional(),
        /** Cash handed over, when more than the amount (the rest is change). */
        tendered: amountSchema.optional(),
        /** The cashier confirmed cash beyond `plausibleTenderLimit` (shared/money/plausibility). */
        confirmLargeTender: z.boolean().optional()
      })
      .strict()
      .refine((input) => input.method === 'cash' || input.method === 'card' || input.flow !== undefined, {
        message: 'choose QR code or payment code',
        path: ['flow']
      })
      .refine((input) => input.flow !== 'customer_code' || input.authCode !== undefined, {
        message: 'is required: scan the customer’s payment code',
        path: ['authCode']
      }),
    output: checkoutSessionSchema,
    permission: 'sell'
  }),
  'tenders:cancel': channel({
    summary: 'Stops waiting for a tender: the provider is told to close or reverse it.',
    input: z.object({ tenderId: text().min(1, 'is required') }).strict(),
    output: checkoutSessionSchema,
    permission: 'sell'
  }),
  'payments:availability': channel({
    summary: 'Which tender methods can be used now, and why not (gateway unreachable, not configured).',
    input: z.object({}).strict(),
    output: z.object({
      sandbox: z.boolean(),
      methods: z.object({
        cash: methodAvailabilitySchema,
        card: methodAvailabilitySchema,
        alipay: methodAvailabilitySchema,
        wechat: methodAvailabilitySchema
      })
    }),
    permission: 'sell'
  }),
  'sandbox:trades': channel({
    summary: 'Sandbox mode only: the trades waiting for the customer, for the customer-device panel.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        provider: z.enum(['alipay', 'wechat', 'card']),
        tradeNo: text(),
        amount: minor,
        state: text(),
        needs: z.enum(['scan', 'approve', 'password', 'card', 'none'])
      })
    ),
    permission: 'sell'
  }),
  'sandbox:act': channel({
    summary:
      'Sandbox mode only: act as the customer (scan and pay, decline, enter a password, present a card).',
    input: z
      .object({
        provider: z.enum(['alipay', 'wechat', 'card']),
        tradeNo: text().min(1, 'is required'),
        action: z.enum(['approve', 'decline', 'password', 'card']),
        password: text()
          .regex(/^\d{6}$/, 'must be 6 digits')
          .optional(),
        pan: text()
          .regex(/^\d{12,19}$/, 'must be 12–19 digits')
          .optional(),
        pin: text()
          .regex(/^\d{4,6}$/, 'must be 4–6 digits')
          .optional()
      })
      .strict(),
    output: z.object({ state: text() }),
    permission: 'sell'
  })
}
