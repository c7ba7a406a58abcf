import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'

export const evaluationSchema = z.object({
  lineId: text(),
  rating: z.number().int().min(1).max(5),
  comment: text().nullable(),
  at: text()
})

export const productRatingSchema = z.object({
  sku: text(),
  count: z.number().int(),
  /** The mean rating to one decimal, e.g. "4.5". */
  average: text()
})

export type Evaluation = z.infer<typeof evaluationSchema>
export type ProductRating = z.infer<typeof productRatingSchema>

export const evaluationsChannels = {
  'evaluations:for-order': channel({
    summary: "An order's lines with their customer rating, and whether each may still be rated.",
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: z.object({
      orderId: text(),
      lines: z.array(
        z.object({
          lineId: text(),
          sku: text(),
          name: text(),
          nameEn: text().nullable(),
          /** Why the line cannot be rated: the order is not paid, or the line was refunded. */
          refusal: z.enum(['unpaid', 'refunded']).nullable(),
          evaluation: evaluationSchema.nullable()
        })
      )
    }),
    permission: 'sell'
  }),
  'evaluations:save': channel({
    summary: "Records a customer's rating (1–5) and comment on one line of a paid order; one per line.",
    input: z
      .object({
        orderId: text().min(1, 'is required'),
        lineId: text().min(1, 'is required'),
        rating: z
          .number()
          .int('must be a whole number from 1 to 5')
          .min(1, 'must be from 1 to 5')
          .max(5, 'must be from 1 to 5'),
        comment: text({ trim: true, max: 500 }).optional()
      })
      .strict(),
    output: evaluationSchema,
    permission: 'sell'
  }),
  'evaluations:product-ratings': channel({
    summary: 'Average rating and number of ratings per product SKU, for the catalog.',
    input: z.object({}).strict(),
    output: z.array(productRatingSchema),
    permission: 'session'
  })
}
