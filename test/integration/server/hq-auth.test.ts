import { describe, expect, it } from 'vitest'
import { SYNC_HEADERS, SYNC_PATHS } from '../../../src/shared/sync/protocol'
import { createEnrolCode, revokeTill } from '../../../src/server/enrol/enrol-service'
import type { HqDatabase } from '../../../src/server/db/types'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'

const count = async (db: HqDatabase, table: string) =>
  Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)

describe.each(HQ_STORES)('head office enrolment and signatures (%s)', (kind) => {
  it('enrols tills with one-time codes bound to a store, numbering them T01, T02', async () => {
    const hq = await startTestHq(kind)
    const { code, storeId } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const first = await TestTill.create(hq.url)
    const answer = await first.enrol(code.toLowerCase().replace('-', ' '))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ storeId, storeName: 'Main street', tillCode: 'T01' })

    // Used once.
    const second = await TestTill.create(hq.url)
    expect((await second.enrol(code)).body.error?.code).toBe('ENROL_CODE_INVALID')
    const other = await createEnrolCode(hq.db, hq.clock, 'Main street')
    expect((await second.enrol(other.code)).body).toMatchObject({ tillCode: 'T02', storeId })
    // The code's hash is stored, never the code.
    const rows = await hq.db.query<Record<string, string>>('SELECT * FROM enrol_codes')
    expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''))

    // A key already enrolled is that till enrolling again (it un-enrolled and kept its key): it
    // continues as itself — same id and code, no new till — and the code is spent.
    const again = await createEnrolCode(hq.db, hq.clock, 'Main street')
    const reenrolled = await first.enrol(again.code)
    expect(reenrolled.body).toMatchObject({
      tillId: answer.body.tillId,
      tillCode: 'T01',
      storeId,
      reenrolled: true,
      highestContiguousSeq: 0
    })
    expect(await count(hq.db, 'tills')).toBe(2)
    expect((await first.enrol(again.code)).body.error?.code).toBe('ENROL_CODE_INVALID')
    expect((await first.enrol('nonsense')).body.error?.code).toBe('ENROL_CODE_INVALID')
  })

  it('refuses an expired code', async () => {
    let shift = 0
    const hq = await startTestHq(kind, { clock: { now: () => new Date(Date.now() + shift) } })
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    shift = 11 * 60 * 1000
    const till = await TestTill.create(hq.url)
    till.offsetMs = shift // sign with the head office's (moved) time
    const answer = await till.enrol(code)
    expect(answer.status).toBe(410)
    expect(answer.body.error?.code).toBe('ENROL_CODE_EXPIRED')
    expect(await count(hq.db, 'tills')).toBe(0)
  })

  it('refuses unsigned, tampered, replayed, foreign-key, unknown and revoked requests, writing nothing', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const body = till.pushBody([till.event('order.paid', paidOrder())])

    const unsigned = await fetch(hq.url + SYNC_PATHS.push, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' }
    })
    expect(unsigned.status).toBe(401)
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('UNSIGNED')

    // Signed for one body, sent with another (one byte more).
    const { signRequest } = await import('../../../src/shared/sync/signing')
    const signed = await signRequest({
      method: 'POST',
      path: SYNC_PATHS.push,
      body,
      tillId: till.tillId,
      privateKey: till.keys.privateKey,
      now: new Date()
    })
    const tampered = await fetch(hq.url + SYNC_PATHS.push, {
      method: 'POST',
      body: `${body} `,
      headers: { ...signed, 'content-type': 'application/json' }
    })
    expect(tampered.status).toBe(401)
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('BAD_SIGNATURE')

    // The genuine request once, then its exact replay.
    const send = () =>
      fetch(hq.url + SYNC_PATHS.push, {
        method: 'POST',
        body,
        headers: { ...signed, 'content-type': 'application/json' }
      })
    expect((await send()).status).toBe(200)
    const replay = await send()
    expect(replay.status).toBe(401)
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('REPLAYED')
    expect(await count(hq.db, 'events')).toBe(1)

    // Another key claiming this till's id.
    const impostor = await TestTill.create(hq.url)
    impostor.tillId = till.tillId
    const foreign = await impostor.push([impostor.event('order.paid', paidOrder(), { seq: 2 })])
    expect(foreign.status).toBe(401)
    expect(foreign.body.error?.code).toBe('BAD_SIGNATURE')

    // A till id the head office never enrolled.
    impostor.tillId = '01937000-0000-7000-8000-00000000abcd'
    expect((await impostor.status()).body.error?.code).toBe('UNKNOWN_TILL')

    // Events for another till inside a correctly signed batch.
    const neighbour = await TestTill.enrolled(hq)
    const smuggled = await till.push([neighbour.event('order.paid', paidOrder(), { seq: 2 })])
    expect(smuggled.status).toBe(403)
    expect(smuggled.body.error?.code).toBe('FOREIGN_TILL')

    expect(await revokeTill(hq.db, hq.clock, till.tillId)).toBe(true)
    const revoked = await till.push([till.event('order.paid', paidOrder(), { seq: 2 })])
    expect(revoked.status).toBe(403)
    expect(revoked.body.error?.code).toBe('REVOKED')

    expect(await count(hq.db, 'events')).toBe(1)
    expect(await count(hq.db, 'hq_orders')).toBe(1)
  })

  it('refuses a signature more than 5 minutes off with the head office time, and accepts it re-signed with that offset', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    till.clockErrorMs = -3 * 24 * 3600 * 1000
    const refused = await till.status()
    expect(refused.status).toBe(401)
    expect(refused.body.error?.code).toBe('CLOCK_SKEW')
    const serverTime = Date.parse(refused.body.error!.serverTime!)
    till.offsetMs = serverTime - (Date.now() + till.clockErrorMs)
    const accepted = await till.status()
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ tillCode: 'T01', highestContiguousSeq: 0 })
  })

  it('answers an unknown path and a missing header with the protocol error shape', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const missing = await till.request('GET', SYNC_PATHS.status, '', {
      headers: { [SYNC_HEADERS.nonce]: '' }
    })
    expect(missing.status).toBe(401)
    expect(missing.body.error?.code).toBe('UNSIGNED')
    const unknown = await fetch(`${hq.url}/sync/v1/nothing`)
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  })
})
