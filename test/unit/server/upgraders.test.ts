import { describe, expect, it } from 'vitest'
import { EVENT_VERSIONS } from '../../../src/shared/sync/protocol'
import { defaultUpgraders, upgradePayload, UPGRADERS } from '../../../src/server/push/upgraders'

const at = '2026-11-25T04:00:00.123Z'
const upgrade = (type: string, version: number, payload: unknown) => {
  const result = upgradePayload(defaultUpgraders, type, version, payload, { at })
  if (!result.ok) throw new Error(result.reason)
  return result.payload
}

describe('payload upgraders', () => {
  it('has an upgrader from every version below each type’s current one', () => {
    for (const [type, current] of Object.entries(EVENT_VERSIONS))
      for (let v = 1; v < current; v++) expect(UPGRADERS[type]?.[v], `${type} ${v}`).toBeTypeOf('function')
  })

  it('refund.created 1 → 2: the cash given back stays to the fen, none of it called cash rounding', () => {
    const v1 = {
      id: 'r1',
      amount: 105,
      tax: 9,
      tenders: [
        { method: 'cash', amount: 65, status: 'succeeded', outRequestNo: 't1', tax: 5 },
        { method: 'alipay', amount: 40, status: 'processing', outRequestNo: 't2' }
      ]
    }
    expect(upgrade('refund.created', 1, v1)).toEqual({
      ...v1,
      tenders: [
        { ...v1.tenders[0], cashRounding: 0 },
        { ...v1.tenders[1], cashRounding: 0 }
      ]
    })
    // Not touched: the input, and a version 2 payload.
    expect(v1.tenders[0]).not.toHaveProperty('cashRounding')
    const v2 = { ...v1, tenders: [{ ...v1.tenders[0], cashRounding: 2 }] }
    expect(upgrade('refund.created', 2, v2)).toBe(v2)
  })

  it('order.voided and refund tenders 1 → 2: the moment is the event’s own, as it was read before', () => {
    expect(upgrade('order.voided', 1, { id: 'o1' })).toEqual({ id: 'o1', voidedAt: at })
    expect(upgrade('refund.tender_succeeded', 1, { tenderId: 't', status: 'succeeded' })).toEqual({
      tenderId: 't',
      status: 'succeeded',
      at
    })
    expect(upgrade('refund.tender_failed', 1, { tenderId: 't', status: 'failed' })).toMatchObject({ at })
    // A malformed v1 payload is passed on as it is, for the projection to quarantine with its reason.
    expect(upgrade('refund.created', 1, 'nonsense')).toBe('nonsense')
  })

  it('refuses a version newer than it reads, naming it', () => {
    const result = upgradePayload(defaultUpgraders, 'refund.created', 3, {}, { at })
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/version 3 is newer/) })
  })
})
