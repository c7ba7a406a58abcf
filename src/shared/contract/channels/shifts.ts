import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'
import { MAX_PIECES_PER_FACE } from '../../money/denominations'
import { amountSchema } from './cart'

const minor = z.number().int()

/** A drawer count: how many of each note and coin (ids from `denominationsOf`), plus loose cash. */
export const cashCountSchema = z
  .object({
    counts: z
      .record(
        text(),
        z
          .number()
          .int('must be a whole number')
          .min(0, 'must be 0 or more')
          // The count screen refuses more in a box; main refuses it too (a scan in a count box).
          .max(MAX_PIECES_PER_FACE, `must be at most ${MAX_PIECES_PER_FACE}`)
      )
      .default({}),
    /** Cash not in the currency's table (or the whole count, for a currency without one). */
    other: amountSchema.optional()
  })
  .strict()

export const cashMoveSchema = z.object({
  id: text(),
  kind: z.enum(['float', 'in', 'out', 'over_short', 'drop']),
  /** Signed effect on the drawer. */
  amount: minor,
  reason: text().nullable(),
  at: text(),
  by: text().nullable()
})

export const shiftSchema = z.object({
  id: text(),
  number: text(),
  terminal: text(),
  kind: z.enum(['regular', 'rescue']),
  rescueOf: text().nullable(),
  status: z.enum(['open', 'closed']),
  currency: text(),
  openedAt: text(),
  openedBy: text().nullable(),
  closedAt: text().nullable(),
  closedBy: text().nullable(),
  orderCount: z.number().int(),
  /**
   * What went through the drawer; `expected` is live while the shift is open. Null for an open
   * shift when the closing count is blind and the caller does not supervise the drawer (a
   * cashier): the expected cash is never sent to the person about to count it.
   */
  drawer: z
    .object({
      float: minor,
      cashSales: minor,
      cashVoids: minor,
      cashRefunds: minor,
      cashIn: minor,
      cashOut: minor,
      expected: minor
    })
    .nullable(),
  counted: minor.nullable(),
  /** counted − expected: over when positive, short when negative. */
  overShort: minor.nullable(),
  count: z.object({ counts: z.record(text(), z.number().int()), other: minor }).nullable(),
  note: text().nullable(),
  moves: z.array(cashMoveSchema)
})

export type ShiftView = z.infer<typeof shiftSchema>

export const shiftsChannels = {
  'shifts:current': channel({
    summary: "This till's open shift (null when none) and its rescue shift, if one is holding late orders.",
    input: z.object({}).strict(),
    output: z.object({
      terminal: text(),
      currency: text(),
      shift: shiftSchema.nullable(),
      rescue: shiftSchema.nullable()
    }),
    permission: 'sell'
  }),
  'shifts:open': channel({
    summary:
      'Opens a shift on this till with a counted float (none counted: no float). A till sells only with an open shift. A float above FLOAT_CONFIRM_ABOVE is refused unless confirmLargeFloat.',
    input: cashCountSchema
      .extend({
        /** The person said yes to a float above `FLOAT_CONFIRM_ABOVE` (`errors.money.largeFloat`). */
        confirmLargeFloat: z.boolean().optional()
      })
      .strict(),
    output: shiftSchema,
    permission: 'sell'
  }),
  'shifts:cash-move': channel({
    summary:
      'Pays cash into the open drawer or takes cash out of it, with a reason (manager). Above CASH_MOVE_CONFIRM_ABOVE refused unless confirmLargeAmount.',
    input: z
      .object({
        direction: z.enum(['in', 'out']),
        amount: amountSchema,
        reason: text({ trim: true, max: 200 }).min(1, 'is required'),
        /** The person said yes to an amount above `CASH_MOVE_CONFIRM_ABOVE` (`errors.money.largeCashMove`). */
        confirmLargeAmount: z.boolean().optional()
      })
      .strict(),
    output: shiftSchema,
    permission: 'cash-move',
    overridable: true
  }),
  'shifts:close': channel({
    summary:
      'Closes a shift with a count by denomination (manager); a count with no box filled is refused (errors.shift.countMissing), an explicit 0 is a count. The difference from the expected cash is recorded as over/short, never forced to match; the counted cash is taken out of the till.',
    input: cashCountSchema
      .extend({ shiftId: text().min(1, 'is required'), note: text({ trim: true, max: 200 }).optional() })
      .strict(),
    output: shiftSchema,
    permission: 'shift-close',
    overridable: true
  }),
  'shifts:list': channel({
    summary: "This till's recent shifts, newest first.",
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(shiftSchema),
    permission: 'sell'
  })
}
