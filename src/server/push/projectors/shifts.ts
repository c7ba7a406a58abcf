import { z } from 'zod'
import { issue, minor, type Projection, type ProjectedEvent } from './common'

// The shifts family: a shift opened with its float, and closed with its count.

const shiftOpenedV1 = z.object({
  id: z.string().min(1),
  /** `T01-S00001` (older tills may have sent a plain number). */
  number: z.union([z.string(), z.number().int()]).nullable().optional(),
  float: minor,
  at: z.string().min(1),
  kind: z.string().optional()
})
const shiftClosedV1 = z.object({
  id: z.string().min(1),
  expected: minor,
  counted: minor,
  overShort: minor,
  at: z.string().min(1)
})

const SHIFT_COLUMNS = [
  'till_id',
  'shift_id',
  'store_id',
  'number',
  'kind',
  'float_amount',
  'opened_at'
] as const

/**
 * What `shift.opened` / `shift.closed` does to the read models (pure), or undefined for another type.
 */
export function projectShift(event: ProjectedEvent): Projection | undefined {
  const { tillId, storeId } = event
  switch (event.type) {
    case 'shift.opened': {
      const parsed = shiftOpenedV1.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const s = parsed.data
      return {
        status: 'applied',
        inserts: [
          {
            table: 'hq_shifts',
            columns: SHIFT_COLUMNS,
            row: [
              tillId,
              s.id,
              storeId,
              s.number === undefined || s.number === null ? null : String(s.number),
              s.kind ?? 'regular',
              s.float,
              s.at
            ]
          }
        ],
        updates: [],
        couponCodes: []
      }
    }
    case 'shift.closed': {
      const parsed = shiftClosedV1.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const s = parsed.data
      return {
        status: 'applied',
        inserts: [],
        updates: [
          {
            sql: 'UPDATE hq_shifts SET closed_at = ?, expected = ?, counted = ?, over_short = ? WHERE till_id = ? AND shift_id = ?',
            params: [s.at, s.expected, s.counted, s.overShort, tillId, s.id],
            missing: `shift ${s.id} is not known at the head office`
          }
        ],
        couponCodes: []
      }
    }
    default:
      return undefined
  }
}
