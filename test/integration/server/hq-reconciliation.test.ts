import iconv from 'iconv-lite'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { ALIPAY_BILL_COLUMNS } from '../../../src/main/payments/sandbox/alipay-bill-file'
import { hqApi } from '../../../src/shared/hq-api/index'
import { HqRefusal } from '../../../src/server/admin/refusal'
import { reconcileBill } from '../../../src/server/reconciliation/reconcile-bill'
import { listRuns, runView } from '../../../src/server/reconciliation/recon-runs'
import { wechatBillFile } from '../reconciliation/bill-files'
import { HQ_STORES, paidOrder, startTestHq, TestTill, type HqStoreKind } from '../../support/hq'
import { HqWebClient } from '../../support/hq-web'
import { toPushed, type OutboxRow } from '../../support/sync-pusher'

const DATE = '2026-11-20'
/** China time on DATE, as an ISO instant. */
const at = (hhmm: string) => new Date(`${DATE}T${hhmm}:00+08:00`).toISOString()

/** An order.paid event paid with one provider tender carrying our trade number (as the till's `orderDetail`). */
function sale(seq: number, tradeNo: string, amount: number, time: string, method = 'alipay'): OutboxRow {
  const order = paidOrder({ total: amount, paidAt: time, method })
  order.payments[0]!.tradeNo = tradeNo as never
  return {
    seq,
    id: uuidv7(),
    at: time,
    type: 'order.paid',
    aggregateId: order.id,
    payload: JSON.stringify(order)
  }
}

/** A refund.created event as the till writes it: its tenders with tax and the trade number they give back. */
function refund(
  seq: number,
  orderId: string,
  tenderId: string,
  tradeNo: string,
  amount: number,
  time: string
) {
  const id = uuidv7()
  const payload = {
    id,
    number: `R-${seq}`,
    orderId,
    status: 'succeeded',
    amount,
    tax: 0,
    createdAt: time,
    lines: [],
    tenders: [
      {
        method: 'alipay',
        amount,
        cashRounding: 0,
        status: 'succeeded',
        outRequestNo: tenderId,
        tax: 0,
        tradeNo
      }
    ]
  }
  return {
    seq,
    id: uuidv7(),
    at: time,
    type: 'refund.created',
    aggregateId: id,
    payload: JSON.stringify(payload)
  }
}

type BillLine = {
  tradeNo: string
  type: '交易' | '退款'
  amount: string
  time: string
  refundNo?: string
  fee?: string
}

/** Alipay's trade detail bill (业务明细) in its own shape: GBK, `#` comments, cells ending in a tab. */
function alipayBill(rows: BillLine[]): string {
  const cells = (row: BillLine) =>
    ALIPAY_BILL_COLUMNS.map((column) => {
      const value: Partial<Record<(typeof ALIPAY_BILL_COLUMNS)[number], string>> = {
        支付宝交易号: `2026${row.tradeNo}`,
        商户订单号: row.tradeNo,
        业务类型: row.type,
        完成时间: row.time,
        '订单金额（元）': row.type === '交易' ? row.amount : '',
        '商家实收（元）': row.type === '交易' ? row.amount : `-${row.amount}`,
        '退款批次号/请求号': row.refundNo ?? '',
        '服务费（元）': row.fee ?? '0.00'
      }
      return `${value[column] ?? ''}\t`
    }).join(',')
  const text = [
    '#支付宝交易记录明细查询',
    ALIPAY_BILL_COLUMNS.join(','),
    ...rows.map(cells),
    '#导出时间'
  ].join('\r\n')
  return iconv.encode(text, 'gbk').toString('base64')
}

describe.each(HQ_STORES)('reconciliation across tills (%s)', (kind: HqStoreKind) => {
  it('matches a bill against every till: a payment on one till refunded on another reconciles; unknown, missing and mismatched rows are each shown with their till', async () => {
    const hq = await startTestHq(kind)
    const t1 = await TestTill.enrolled(hq, 'North')
    const t2 = await TestTill.enrolled(hq, 'South')
    const k1 = sale(1, 'K1', 10000, at('10:00'))
    const k2 = sale(2, 'K2', 5000, at('11:00'))
    const k3 = sale(3, 'K3', 3000, at('12:00'))
    const cash = sale(4, 'K4', 700, at('12:30'), 'cash')
    const w1 = sale(5, 'W1', 800, at('13:00'), 'wechat')
    expect((await t1.push([k1, k2, k3, cash, w1].map((e) => toPushed(e, t1.tillId)))).status).toBe(200)
    // Till 2 gives back part of till 1's payment K1 (the customer went to the other shop).
    const back = refund(1, k1.aggregateId, 'R1', 'K1', 4000, at('15:00'))
    expect((await t2.push([toPushed(back, t2.tillId)])).status).toBe(200)

    const file = alipayBill([
      { tradeNo: 'K1', type: '交易', amount: '100.00', time: `${DATE} 10:00:02`, fee: '-0.60' },
      { tradeNo: 'K1', type: '退款', amount: '40.00', time: `${DATE} 15:00:03`, refundNo: 'R1', fee: '0.24' },
      { tradeNo: 'K3', type: '交易', amount: '31.00', time: `${DATE} 12:00:01` },
      { tradeNo: 'K9', type: '交易', amount: '20.00', time: `${DATE} 16:00:00` }
    ])
    const audited: unknown[] = []
    const run = await reconcileBill(
      hq.db,
      hq.clock,
      { provider: 'alipay', date: DATE, fileName: 'bill.csv', fileBase64: file },
      { userId: null, audit: async (_tx, details) => void audited.push(details) }
    )
    const byKey = new Map(run.rows.map((r) => [`${r.kind}|${r.tradeNo}|${r.refundNo ?? ''}`, r]))
    const payK1 = byKey.get('payment|K1|')!
    expect(payK1).toMatchObject({ result: 'matched', providerAmount: 10000, localAmount: 10000, fee: 60 })
    expect(payK1.till?.id).toBe(t1.tillId)
    expect(payK1.store?.name).toBe('North')
    const refK1 = byKey.get('refund|K1|R1')!
    expect(refK1).toMatchObject({ result: 'matched', providerAmount: 4000, localAmount: 4000, fee: -24 })
    expect(refK1.till?.id).toBe(t2.tillId)
    expect(refK1.store?.name).toBe('South')
    expect(byKey.get('payment|K3|')).toMatchObject({
      result: 'amount_mismatch',
      providerAmount: 3100,
      localAmount: 3000,
      till: { id: t1.tillId }
    })
    expect(byKey.get('payment|K9|')).toMatchObject({
      result: 'missing_locally',
      note: 'no_local_attempt',
      till: null,
      store: null
    })
    expect(byKey.get('payment|K2|')).toMatchObject({
      result: 'missing_at_provider',
      localAmount: 5000,
      till: { id: t1.tillId }
    })
    // Cash and the other provider's payments are not this bill's business.
    expect(run.rows).toHaveLength(5)
    expect(run).toMatchObject({
      gross: 10000 + 3100 + 2000,
      refunds: 4000,
      fees: 36,
      net: 15100 - 4000 - 36,
      localGross: 10000 + 5000 + 3000,
      localRefunds: 4000,
      matched: 2,
      differences: 3,
      superseded: false
    })
    expect(audited).toEqual([
      { provider: 'alipay', date: DATE, fileName: 'bill.csv', matched: 2, differences: 3 }
    ])

    // A corrected bill for the same day replaces the run; the first is kept, marked.
    const again = await reconcileBill(
      hq.db,
      hq.clock,
      { provider: 'alipay', date: DATE, fileName: 'bill-2.csv', fileBase64: file },
      { userId: null }
    )
    const runs = await listRuns(hq.db, { provider: 'alipay', date: DATE })
    expect(runs.map((r) => [r.id, r.superseded])).toEqual(
      expect.arrayContaining([
        [run.id, true],
        [again.id, false]
      ])
    )
    expect((await runView(hq.db, run.id))!.rows).toHaveLength(5)
  })

  it('refuses a file that is not the bill, or is the bill of another day, and writes nothing', async () => {
    const hq = await startTestHq(kind)
    const refusal = (fileBase64: string, date = DATE) =>
      reconcileBill(
        hq.db,
        hq.clock,
        { provider: 'alipay', date, fileName: 'x.csv', fileBase64 },
        { userId: null }
      ).then(
        () => null,
        (error: unknown) => error
      )
    const notABill = await refusal(Buffer.from('hello, world').toString('base64'))
    expect(notABill).toBeInstanceOf(HqRefusal)
    expect(notABill).toMatchObject({
      code: 'VALIDATION',
      field: 'fileBase64',
      key: 'errors.hq.reconciliation.billNoColumn',
      params: { column: '商户订单号' }
    })
    // A cell that is not an amount is refused naming its line and column, by key (worded by the reader).
    const wechat = wechatBillFile([
      { tradeNo: 'K1', type: 'payment', amount: 1250, fee: 8, time: `${DATE} 10:00:00` },
      { tradeNo: 'K2', type: 'payment', amount: 990, fee: 6, time: `${DATE} 10:05:00` }
    ])
      .toString('utf8')
      .replace('`9.90', '`9.9O')
    const badCell = await reconcileBill(
      hq.db,
      hq.clock,
      {
        provider: 'wechat',
        date: DATE,
        fileName: 'x.csv',
        fileBase64: Buffer.from(wechat).toString('base64')
      },
      { userId: null }
    ).then(
      () => null,
      (error: unknown) => error
    )
    expect(badCell).toMatchObject({
      code: 'VALIDATION',
      field: 'fileBase64',
      key: 'errors.hq.reconciliation.billCell',
      params: { line: 3, column: '应结订单金额', value: '9.9O' }
    })
    const otherDay = await refusal(
      alipayBill([{ tradeNo: 'K1', type: '交易', amount: '1.00', time: '2026-11-21 09:00:00' }])
    )
    expect(otherDay).toMatchObject({
      code: 'VALIDATION',
      field: 'date',
      key: 'errors.hq.reconciliation.otherDay',
      params: { day: '2026-11-21', date: DATE }
    })
    expect(await listRuns(hq.db, {})).toEqual([])
  })

  it('runs over the web API: the owner uploads a bill (larger than the server’s 1 MiB default), the run is audited, listed and read back', async () => {
    const hq = await startTestHq(kind, { hashParams: { N: 2 ** 10, r: 8, p: 1 } })
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: 'owner-secret-4711' })
    const till = await TestTill.enrolled(hq, 'North')
    expect((await till.push([toPushed(sale(1, 'K1', 10000, at('10:00')), till.tillId)])).status).toBe(200)
    // A big day: 9,000 rows of trades no till recorded, and K1.
    const rows: BillLine[] = [{ tradeNo: 'K1', type: '交易', amount: '100.00', time: `${DATE} 10:00:02` }]
    for (let i = 0; i < 9000; i++)
      rows.push({ tradeNo: `X${i}`, type: '交易', amount: '1.00', time: `${DATE} 11:00:00` })
    const fileBase64 = alipayBill(rows)
    expect(fileBase64.length).toBeGreaterThan(1024 * 1024)
    const run = await owner.call(hqApi.reconciliation.run, {
      provider: 'alipay',
      date: DATE,
      fileName: 'big.csv',
      fileBase64
    })
    expect(run).toMatchObject({ billRows: 9001, matched: 1, differences: 9000 })
    expect(run.rows.find((r) => r.tradeNo === 'K1')).toMatchObject({
      result: 'matched',
      till: { id: till.tillId }
    })
    expect((await owner.call(hqApi.reconciliation.list, {})).runs.map((r) => r.id)).toEqual([run.id])
    expect((await owner.call(hqApi.reconciliation.get, { id: run.id })).rows).toHaveLength(9001)
    const [audit] = await hq.db.query<{ action: string; subject: string; details: string }>(
      "SELECT action, subject, details FROM hq_audit WHERE action = 'reconciliation.run'"
    )
    expect(audit).toMatchObject({ action: 'reconciliation.run', subject: run.id })
    expect(JSON.parse(audit!.details)).toMatchObject({ provider: 'alipay', date: DATE, matched: 1 })
    // A refusal crosses the API with its field and key.
    const wrong = await owner.send(hqApi.reconciliation.run, {
      provider: 'wechat',
      date: DATE,
      fileName: 'x.csv',
      fileBase64
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({
      error: {
        code: 'VALIDATION',
        field: 'fileBase64',
        key: 'errors.hq.reconciliation.billNoHeader',
        params: { line: 1, column: '商户订单号' }
      }
    })
    expect(
      (await owner.send(hqApi.reconciliation.get, { id: '00000000-0000-4000-8000-000000000000' })).status
    ).toBe(404)
  })
})
