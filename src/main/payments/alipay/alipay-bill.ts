import { unzipSync } from 'fflate'
import iconv from 'iconv-lite'
import { BillReadError, readCell } from '../bill-error'
import { parseDecimalToMinor } from '@shared/money/format'
import { toRfc3339China } from '../china-time'
import type { BillRow } from '../provider'

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** A bill CSV's table: `#` comment lines dropped, cells split and trimmed of their padding tabs. */
/** The file's table (blank and `#` lines dropped); `lines[i]` is row i's line in the file (1-based). */
function tableOf(bytes: Uint8Array): string[][] & { lines?: number[] } {
  const lines: number[] = []
  const table: string[][] & { lines?: number[] } = []
  iconv
    .decode(Buffer.from(bytes), 'gbk')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return
      lines.push(i + 1)
      table.push(line.split(',').map((cell) => cell.trim()))
    })
  table.lines = lines
  return table
}

/**
 * Reads Alipay's bill download. In production it is a zip of GBK CSVs: the trade detail
 * (`…_业务明细.csv`) and its summary (`…_业务明细(汇总).csv`); a merchant may also hand over the
 * detail CSV alone. The files are told apart by their header rows (entry names are GBK without the
 * zip's UTF-8 flag, so their spelling depends on the unzipper). With a summary, the detail must add
 * up to its 合计 row — counts of trades and refunds, 商家实收 and 服务费 — or the bill is refused as
 * incomplete: reconciling half a bill would report the missing half as "not in the provider's bill".
 */
export function parseAlipayBill(bytes: Buffer): BillRow[] {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) return parseDetail(tableOf(bytes))
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch (error) {
    throw new BillReadError(
      `The Alipay bill zip cannot be read (${error instanceof Error ? error.message : String(error)})`,
      'billZip'
    )
  }
  const tables = Object.values(entries).map(tableOf)
  const detail = tables.find((table) => table[0]?.includes('商户订单号'))
  if (!detail) throw new BillReadError('The Alipay bill zip holds no 业务明细 CSV', 'billZipNoDetail')
  const rows = parseDetail(detail)
  const summary = tables.find((table) => table[0]?.includes('交易订单总笔数'))
  if (summary) checkAgainstSummary(rows, summary)
  return rows
}

/**
 * The summary's 合计 row against the detail: trades, refunds, 商家实收 and 服务费 must agree.
 * Throws naming the first figure that does not.
 */
function checkAgainstSummary(rows: BillRow[], summary: string[][]): void {
  const [header, ...body] = summary as [string[], ...string[][]]
  const total = body.find((cells) => cells.includes('合计'))
  if (!total) throw new BillReadError('The Alipay bill summary (汇总) has no 合计 row', 'billNoTotal')
  const cell = (name: string): string => {
    const at = header.indexOf(name)
    if (at < 0)
      throw new BillReadError(`The Alipay bill summary has no column ${name}`, 'billNoColumn', {
        column: name
      })
    return total[at] ?? ''
  }
  const payments = rows.filter((row) => row.type === 'payment')
  const refunds = rows.filter((row) => row.type === 'refund')
  const figures: Array<[string, number, number]> = [
    ['交易订单总笔数', Number.parseInt(cell('交易订单总笔数'), 10), payments.length],
    ['退款订单总笔数', Number.parseInt(cell('退款订单总笔数'), 10), refunds.length],
    [
      '商家实收（元）',
      parseDecimalToMinor(cell('商家实收（元）'), 'CNY', 'summary'),
      payments.reduce((s, r) => s + r.amount, 0) - refunds.reduce((s, r) => s + r.amount, 0)
    ],
    [
      '服务费（元）',
      -parseDecimalToMinor(cell('服务费（元）') || '0', 'CNY', 'summary'),
      rows.reduce((s, r) => s + r.fee, 0)
    ]
  ]
  for (const [name, summed, detailed] of figures) {
    if (summed !== detailed)
      throw new BillReadError(
        `the summary's ${name} (${summed}) does not match the detail's (${detailed}): the bill is incomplete`,
        'billSummaryMismatch',
        { column: name }
      )
  }
}

/**
 * The trade detail ("业务明细"): a header row, then rows whose cells carried a trailing tab. Cells are
 * not quoted, so a comma in a product name would shift columns: Kassa sends subjects without commas.
 *
 * Payments: amount = 订单金额, fee = −服务费 (Alipay prints the fee taken as negative).
 * Refunds: amount = |商家实收|, fee = −服务费 (the returned fee is printed positive, so ours is negative).
 */
function parseDetail(lines: string[][] & { lines?: number[] }): BillRow[] {
  const [columns, ...rows] = lines
  if (!columns) return []
  const index = (name: string): number => {
    const at = columns.indexOf(name)
    if (at < 0)
      throw new BillReadError(`The Alipay bill has no column ${name}`, 'billNoColumn', { column: name })
    return at
  }
  const at = {
    tradeNo: index('商户订单号'),
    providerTradeNo: index('支付宝交易号'),
    type: index('业务类型'),
    finished: index('完成时间'),
    ordered: index('订单金额（元）'),
    received: index('商家实收（元）'),
    refundNo: index('退款批次号/请求号'),
    fee: index('服务费（元）')
  }
  return rows.map((cells, n) => {
    const cell = (i: number): string => cells[i] ?? ''
    const line = lines.lines?.[n + 1] ?? n + 2
    const amount = (i: number, column: string, fallback = '') =>
      readCell(cell(i) || fallback, line, column, (value) => parseDecimalToMinor(value, 'CNY'))
    const kind = cell(at.type)
    const isRefund = kind === '退款'
    const received = amount(at.received, '商家实收（元）')
    const fee = -amount(at.fee, '服务费（元）', '0')
    const refundNo = cell(at.refundNo)
    return {
      tradeNo: cell(at.tradeNo),
      providerTradeNo: cell(at.providerTradeNo),
      type: isRefund ? 'refund' : 'payment',
      ...(isRefund && refundNo ? { refundNo } : {}),
      amount: isRefund ? Math.abs(received) : amount(at.ordered, '订单金额（元）'),
      fee: fee === 0 ? 0 : fee,
      status: isRefund ? 'REFUND_SUCCESS' : 'TRADE_SUCCESS',
      time: toRfc3339China(cell(at.finished)) ?? cell(at.finished)
    } satisfies BillRow
  })
}
