import Decimal from 'decimal.js'
import { z } from 'zod'
import type { SqlValue } from '../../db/types'

// What every projector shares: the projection's shape, the payload schemas' money and quantity
// types, and how a schema's refusal reads.

/** An (upgraded) event as the projectors read it. */
export interface ProjectedEvent {
  tillId: string
  storeId: string
  eventId: string
  type: string
  at: string
  payload: unknown
}

/** The store's time zone, and the store's local date of an instant in it. */
export interface ProjectContext {
  timeZone: string
  day: (iso: string) => string
}

export const minor = z.number().int()

export const quantity = z.string().regex(/^-?\d+(\.\d+)?$/)

export interface Insert {
  table: string
  columns: readonly string[]
  row: SqlValue[]
}

export interface Update {
  sql: string
  params: SqlValue[]
  /** When the update matches no row: why the event is quarantined (its target is unknown here). */
  missing: string
}

export type Projection =
  | { status: 'applied'; inserts: Insert[]; updates: Update[]; couponCodes: string[] }
  | { status: 'recorded' }
  | { status: 'quarantined'; reason: string }

/** A schema refusal as the quarantine reason a person reads: the first issue, with its path. */
export function issue(error: z.ZodError): string {
  const first = error.issues[0]
  return `payload ${first?.path.join('.') || ''}: ${first?.message ?? 'invalid'}`.replace(
    'payload :',
    'payload:'
  )
}

/** Whether a payload time parses as an instant. */
export const isTime = (text: string) => !Number.isNaN(Date.parse(text))

/** A quantity in thousandths, rounded half-up as the till's report sums it. */
export const milli = (quantity: string): number =>
  new Decimal(quantity).mul(1000).toDecimalPlaces(0).toNumber()
