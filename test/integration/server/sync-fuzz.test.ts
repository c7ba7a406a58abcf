import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SYNC_PATHS } from '../../../src/shared/sync/protocol'
import type { HqDatabase } from '../../../src/server/db/types'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'

const TABLES = [
  'tills',
  'events',
  'event_collisions',
  'anomalies',
  'master_records',
  'hq_orders',
  'hq_payments',
  'hq_refunds',
  'hq_refund_tenders',
  'hq_shifts',
  'hq_coupon_uses'
]

async function rowCounts(db: HqDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of TABLES)
    out[table] = Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)
  return out
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Sets (or deletes, with `undefined`) the value at `path` inside a JSON value; a path that does not exist changes nothing. */
function mutate(value: Json, path: Array<string | number>, replacement: Json | undefined): Json {
  if (path.length === 0) return replacement === undefined ? null : replacement
  if (value === null || typeof value !== 'object') return value
  const [head, ...rest] = path
  const copy: Json = Array.isArray(value) ? [...value] : { ...value }
  const key = Array.isArray(copy) ? Number(head) % Math.max(1, copy.length) : String(head)
  const inner = (copy as Record<string | number, Json>)[key]
  if (inner === undefined && rest.length > 0) return copy
  if (rest.length === 0 && replacement === undefined) {
    if (Array.isArray(copy)) copy.splice(key as number, 1)
    else delete (copy as Record<string, Json>)[key]
    return copy
  }
  ;(copy as Record<string | number, Json>)[key] = mutate(inner ?? null, rest, replacement)
  return copy
}

const KEYS = [
  'tillId',
  'sentAt',
  'events',
  'seq',
  'id',
  'type',
  'version',
  'at',
  'aggregateId',
  'payload',
  'payloadSha256',
  0,
  1
]
const oddValue = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    -1,
    0,
    2 ** 53,
    1e308,
    -0.5,
    '',
    'order.paid',
    '2026-13-45T99:99:99Z',
    '\u0000',
    '💥'.repeat(50),
    [],
    {}
  ),
  fc.string({ unit: 'binary', maxLength: 200 }) as fc.Arbitrary<Json>
)
const mutation = fc.record({
  path: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }),
  value: fc.option(oddValue, { nil: undefined })
})

describe.each(HQ_STORES)('fuzzing the head office (%s)', (kind) => {
  it('answers any push body with 200 or a 4xx with a reason, and writes nothing from invalid input', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    let next = 1
    const outcomes = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (mutations, raw) => {
          const base = JSON.parse(
            till.pushBody([
              till.event('order.paid', paidOrder(), { seq: next }),
              till.event('refund.created', { id: 'r' }, { seq: next + 1 })
            ])
          ) as Json
          const body = raw
            ? JSON.stringify(mutations.map((m) => m.value ?? null)).slice(
                0,
                1 + mutations[0]!.path.length * 7
              )
            : JSON.stringify(mutations.reduce((value, m) => mutate(value, m.path, m.value), base))
          const before = await rowCounts(hq.db)
          const answer = await till.request<{ highestContiguousSeq: number }>('POST', SYNC_PATHS.push, body)
          outcomes.set(answer.status, (outcomes.get(answer.status) ?? 0) + 1)
          expect(answer.status === 200 || (answer.status >= 400 && answer.status < 500)).toBe(true)
          if (answer.status === 200) {
            next = answer.body.highestContiguousSeq + 1
          } else {
            expect(answer.body.error?.reason).toBeTruthy()
            expect(await rowCounts(hq.db)).toEqual(before)
          }
        }
      ),
      { numRuns: 120, seed: 14 }
    )
    // Both kinds of answer were met, and the head office still works.
    expect(outcomes.get(400)).toBeGreaterThan(0)
    expect((await till.status()).status).toBe(200)
  }, 120_000)

  it('answers any pull query with 200 or 400 and never fails', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.base64String({ maxLength: 80 })), {
          nil: undefined
        }),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), fc.string({ maxLength: 6 })), {
          nil: undefined
        }),
        fc.option(fc.constantFrom('0', '-1', '26', 'x', '1e3', ''), { nil: undefined }),
        async (cursor, limit, wait) => {
          const params = new URLSearchParams()
          if (cursor !== undefined) params.set('cursor', cursor)
          if (limit !== undefined) params.set('limit', limit)
          if (wait !== undefined) params.set('wait', wait)
          const before = await rowCounts(hq.db)
          const query = params.toString()
          const answer = await till.request('GET', query ? `${SYNC_PATHS.pull}?${query}` : SYNC_PATHS.pull)
          expect([200, 400]).toContain(answer.status)
          expect(await rowCounts(hq.db)).toEqual(before)
        }
      ),
      { numRuns: 80, seed: 14 }
    )
  }, 120_000)
})
