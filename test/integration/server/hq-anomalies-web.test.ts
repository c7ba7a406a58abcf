import { describe, expect, it } from 'vitest'
import { hqApi } from '../../../src/shared/hq-api/index'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'
import { HqWebClient } from '../../support/hq-web'

/** Quick scrypt for tests: verification reads the cost from the stored hash. */
const FAST = { hashParams: { N: 2 ** 10, r: 8, p: 1 } }
const PASSWORD = 'owner-secret-4711'

const sale = (n: number) => ({ ...paidOrder(), number: `T01-${String(n).padStart(6, '0')}` })

describe.each(HQ_STORES)('anomalies inbox over the web API (%s)', (kind) => {
  it('lists a store’s anomalies by role; owner and its manager resolve with a note, audited; auditor reads', async () => {
    const hq = await startTestHq(kind, FAST)
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: PASSWORD })
    const north = await owner.call(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    const south = await owner.call(hqApi.stores.create, { name: 'South', timeZone: 'Asia/Shanghai' })
    for (const [name, role, storeIds] of [
      ['Mia', 'manager', [north.id]],
      ['Sam', 'manager', [south.id]],
      ['Abe', 'auditor', []]
    ] as const)
      await owner.call(hqApi.auth.createUser, { name, password: PASSWORD, role, storeIds: [...storeIds] })
    const as = async (name: string) => {
      const client = new HqWebClient(hq.url)
      await client.call(hqApi.auth.login, { name, password: PASSWORD })
      return client
    }

    // A real push with a receipt-number gap in North, and a quarantined event in South.
    const a = await TestTill.enrolled(hq, 'North')
    await a.push([1, 2, 4].map((n) => a.event('order.paid', sale(n))))
    const b = await TestTill.enrolled(hq, 'South')
    await b.push([
      b.event('teleport.started', { id: 'x', pinHash: 'scrypt$secret', nested: { password: 'p' } })
    ])

    const all = await owner.call(hqApi.anomalies.list, {})
    expect(all.anomalies.map((x) => [x.storeName, x.kind]).sort()).toEqual([
      ['North', 'receipt-gap'],
      ['South', 'quarantined']
    ])
    expect(all.open).toEqual({ high: 1, medium: 1, low: 0 })
    const gap = all.anomalies.find((x) => x.kind === 'receipt-gap')!
    expect(gap.tills).toEqual([{ id: a.tillId, code: a.tillCode, label: null }])

    // Filters: store, kind, severity, till; a manager sees their stores only.
    const mia = await as('Mia')
    expect((await mia.call(hqApi.anomalies.list, {})).anomalies.map((x) => x.kind)).toEqual(['receipt-gap'])
    expect(await mia.call(hqApi.anomalies.counts, {})).toEqual({ high: 1, medium: 0, low: 0 })
    expect((await mia.send(hqApi.anomalies.list, { storeId: south.id })).status).toBe(403)
    expect(
      (await owner.call(hqApi.anomalies.list, { storeId: south.id })).anomalies.map((x) => x.kind)
    ).toEqual(['quarantined'])
    expect((await owner.call(hqApi.anomalies.list, { severity: 'medium' })).anomalies).toHaveLength(1)
    expect((await owner.call(hqApi.anomalies.list, { tillId: b.tillId })).anomalies).toHaveLength(1)
    const badKind = await owner.send(hqApi.anomalies.list, { kind: 'meteor' } as never)
    expect(badKind.status).toBe(400)
    expect(badKind.body.error).toMatchObject({ code: 'VALIDATION', field: 'kind' })

    // The event behind it, as the head office holds it (and not for a manager of another store).
    const event = await mia.call(hqApi.anomalies.event, { tillId: a.tillId, seq: gap.events[1]!.seq })
    expect(event).toMatchObject({ type: 'order.paid', status: 'applied', tillCode: a.tillCode })
    expect(JSON.parse(event.payload)).toMatchObject({ number: 'T01-000004' })
    // Whatever a till sent, a secret-looking value is not shown.
    const teleport = await owner.call(hqApi.anomalies.event, { tillId: b.tillId, seq: 1 })
    expect(JSON.parse(teleport.payload)).toEqual({
      id: 'x',
      pinHash: '[redacted]',
      nested: { password: '[redacted]' }
    })
    expect(teleport.reason).toBe('unknown event type teleport.started')
    const sam = await as('Sam')
    const hidden = await sam.send(hqApi.anomalies.event, { tillId: a.tillId, seq: 1 })
    expect(hidden.status).toBe(404)
    expect(hidden.body.error).toMatchObject({ key: 'errors.hq.anomalies.noEvent', field: 'seq' })

    // The auditor reads but may not resolve; the other store's manager may not either.
    const abe = await as('Abe')
    expect((await abe.call(hqApi.anomalies.list, {})).anomalies).toHaveLength(2)
    expect((await abe.send(hqApi.anomalies.resolve, { key: gap.key, note: 'x' })).status).toBe(403)
    const foreign = await sam.send(hqApi.anomalies.resolve, { key: gap.key, note: 'x' })
    expect(foreign.status).toBe(404)
    const blank = await mia.send(hqApi.anomalies.resolve, { key: gap.key, note: '   ' })
    expect(blank.status).toBe(400)
    expect(blank.body.error).toMatchObject({ code: 'VALIDATION', field: 'note' })
    const audits = async () =>
      Number(
        (
          await hq.db.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM hq_audit WHERE action = 'anomalies.resolve'"
          )
        )[0]!.n
      )
    expect(await audits()).toBe(0)

    // North's manager resolves it: in the resolved list with the note, who and when; audited.
    const resolved = await mia.call(hqApi.anomalies.resolve, {
      key: gap.key,
      note: 'Order T01-000003 was abandoned at the till'
    })
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: { userName: 'Mia', note: 'Order T01-000003 was abandoned at the till' }
    })
    expect((await mia.call(hqApi.anomalies.list, {})).anomalies).toEqual([])
    expect((await abe.call(hqApi.anomalies.list, { status: 'resolved' })).anomalies).toEqual([resolved])
    const [audit] = await hq.db.query<{ subject: string; details: string; user_id: string }>(
      "SELECT subject, details, user_id FROM hq_audit WHERE action = 'anomalies.resolve'"
    )
    expect(audit!.subject).toBe(gap.key)
    expect(JSON.parse(audit!.details)).toMatchObject({
      kind: 'receipt-gap',
      note: 'Order T01-000003 was abandoned at the till'
    })
    expect(audit!.user_id).toBe(resolved.resolution!.userId)
    const again = await owner.send(hqApi.anomalies.resolve, { key: gap.key, note: 'twice' })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ key: 'errors.hq.anomalies.alreadyResolved', field: 'key' })
    const unknown = await owner.send(hqApi.anomalies.resolve, { key: 'nope', note: 'x' })
    expect(unknown.body.error).toMatchObject({
      code: 'NOT_FOUND',
      key: 'errors.hq.anomalies.notFound',
      field: 'key'
    })
    expect(await audits()).toBe(1)
  })
})
