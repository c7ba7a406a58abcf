import type { anomaliesApi } from '@shared/hq-api/anomalies'
import {
  anomalyStore,
  countOpenAnomalies,
  getAnomaly,
  listAnomalies,
  parseAnomalyKey,
  resolveAnomaly
} from '../../anomalies/anomaly-service'
import type { AreaHandlers, HqContext } from '../context'
import { HqRefusal } from '../refusal'

/** The stores a user's lists are limited to: a manager's own, everyone else every store. */
const visible = (ctx: HqContext) => (ctx.user.role === 'manager' ? ctx.user.storeIds : undefined)

/** Keys that may hold a secret (as the audit refuses them): shown as [redacted], whatever a till sent. */
const SECRET_KEY = /pass|secret|token|pin$|cookie|hash/i

/** An event's payload for a person to read: pretty JSON with secret-looking values redacted. */
function readablePayload(payload: string): string {
  try {
    return JSON.stringify(
      JSON.parse(payload),
      (key, value: unknown) => (key && SECRET_KEY.test(key) ? '[redacted]' : value),
      2
    )
  } catch {
    return payload
  }
}

const notFound = (field: string) =>
  new HqRefusal('NOT_FOUND', `${field}: no such anomaly`, 'errors.hq.anomalies.notFound', field)

/** The anomalies inbox: list and filter, open counts, an event's detail, resolve with a note. */
export const anomaliesHandlers: AreaHandlers<typeof anomaliesApi> = {
  async list(input, ctx) {
    const scope = visible(ctx)
    return {
      anomalies: await listAnomalies(ctx.db, { ...input, ...(scope ? { visibleStoreIds: scope } : {}) }),
      open: await countOpenAnomalies(ctx.db, scope)
    }
  },

  async counts(_input, ctx) {
    return countOpenAnomalies(ctx.db, visible(ctx))
  },

  /** NOT_FOUND on `seq` when the till holds no such event, or it is in a store the user may not see. */
  async event(input, ctx) {
    const [row] = await ctx.db.query<{
      store_id: string
      code: string
      event_id: string
      type: string
      version: number
      at: string
      received_at: string
      status: string
      reason: string | null
      payload: string
    }>(
      `SELECT e.store_id, t.code, e.event_id, e.type, e.version, e.at, e.received_at, e.status, e.reason, e.payload
       FROM events e JOIN tills t ON t.id = e.till_id WHERE e.till_id = ? AND e.seq = ?`,
      [input.tillId, input.seq]
    )
    if (!row || !ctx.canSeeStore(row.store_id))
      throw new HqRefusal('NOT_FOUND', 'seq: no such event', 'errors.hq.anomalies.noEvent', 'seq')
    const collisions = await ctx.db.query<{ event_id: string; type: string; at: string; payload: string }>(
      'SELECT event_id, type, at, payload FROM event_collisions WHERE till_id = ? AND seq = ? ORDER BY received_at',
      [input.tillId, input.seq]
    )
    return {
      tillId: input.tillId,
      tillCode: row.code,
      storeId: row.store_id,
      seq: input.seq,
      eventId: row.event_id,
      type: row.type,
      version: Number(row.version),
      at: row.at,
      receivedAt: row.received_at,
      status: row.status,
      reason: row.reason,
      payload: readablePayload(row.payload),
      collisions: collisions.map((c) => ({
        eventId: c.event_id,
        type: c.type,
        at: c.at,
        payload: readablePayload(c.payload)
      }))
    }
  },

  /**
   * Resolves an open anomaly with the signed-in person's note, audited in the same transaction.
   * NOT_FOUND on `key` (no such anomaly, or one of a store a manager does not run), CONFLICT on
   * `key` when it is already resolved.
   */
  async resolve(input, ctx) {
    const key = parseAnomalyKey(input.key)
    if (!key) throw notFound('key')
    const storeId = await anomalyStore(ctx.db, key)
    if (!storeId || !ctx.canSeeStore(storeId)) throw notFound('key')
    await ctx.db.transaction(async (tx) => {
      const done = await resolveAnomaly(tx, key, {
        userId: ctx.user.id,
        userName: ctx.user.name,
        note: input.note,
        at: ctx.clock.now().toISOString()
      })
      if (done === 'not-found') throw notFound('key')
      if (done === 'already-resolved')
        throw new HqRefusal(
          'CONFLICT',
          'key: this anomaly is already resolved',
          'errors.hq.anomalies.alreadyResolved',
          'key'
        )
      await ctx.audit(tx, {
        action: 'anomalies.resolve',
        subject: input.key,
        details: { kind: done.kind, storeId: done.storeId, note: input.note }
      })
    })
    return (await getAnomaly(ctx.db, key))!
  }
}
