import iconv from 'iconv-lite'
import { invalid } from '../../domain/errors'
import { providerDayOf } from '@shared/reconciliation/provider-day'
import { parseAlipayBill } from '../../payments/alipay/alipay-bill'
import { BILL_ERROR_KEYS, BillReadError } from '../../payments/bill-error'
import type { BillRow } from '../../payments/provider'
import { parseWechatBill } from '../../payments/wechat/wechat-bill'

export interface BillFile {
  provider: 'alipay' | 'wechat'
  /** The provider business day the file is the bill of. */
  date: string
  fileBase64?: string | undefined
  text?: string | undefined
}

/**
 * Reads a bill file a merchant downloaded from the provider's merchant site, with the same parsers
 * the API download uses. Bytes are what the provider served; text is accepted for a file someone
 * already decoded (Alipay's is then encoded back to GBK, which round-trips every character its bill holds).
 * A bill covers one provider day: a row of another day means the wrong file was picked.
 *
 * @throws DomainError VALIDATION `fileBase64` `errors.validation.fileEmpty`,
 *   `errors.reconciliation.notABill` { what, reason } (a file no reader can open), or — naming where —
 *   `errors.reconciliation.bill*` (`BillReadError`: `billCell` { line, column, value }, `billNoHeader`
 *   { line, column }, `billNoColumn` { column }, `billSummaryMismatch` { column }, `billZip`,
 *   `billZipNoDetail`, `billNoTotal`), `errors.reconciliation.rowTime` { row, time },
 *   `errors.reconciliation.rowTradeNo` { row }; VALIDATION `date` `errors.reconciliation.otherDay` { day, date }
 */
export function readBillFile(file: BillFile): BillRow[] {
  const bytes =
    file.fileBase64 !== undefined
      ? Buffer.from(file.fileBase64, 'base64')
      : file.provider === 'alipay'
        ? iconv.encode(file.text ?? '', 'gbk')
        : Buffer.from(file.text ?? '', 'utf8')
  if (bytes.length === 0)
    throw invalid('fileBase64', 'The file is empty', { key: 'errors.validation.fileEmpty' })
  let rows: BillRow[]
  try {
    // WeChat's reader takes anything as a bill with no rows: a real one always has its header.
    if (file.provider === 'wechat' && !bytes.toString('utf8').split(/\r?\n/, 1)[0]!.includes('商户订单号')) {
      throw new BillReadError('line 1 is not the header row (no 商户订单号)', 'billNoHeader', {
        line: 1,
        column: '商户订单号'
      })
    }
    rows = file.provider === 'alipay' ? parseAlipayBill(bytes) : parseWechatBill(bytes)
  } catch (error) {
    if (error instanceof BillReadError)
      throw invalid('fileBase64', `This file is not the chosen provider's bill: ${error.message}`, {
        key: BILL_ERROR_KEYS[error.key],
        params: error.params
      })
    const what =
      file.provider === 'alipay' ? 'an Alipay trade detail bill (业务明细 CSV)' : 'a WeChat Pay trade bill'
    throw invalid(
      'fileBase64',
      `This file is not ${what}: ${error instanceof Error ? error.message : String(error)}`,
      {
        key: 'errors.reconciliation.notABill',
        params: { what, reason: error instanceof Error ? error.message : String(error) }
      }
    )
  }
  for (const [n, row] of rows.entries()) {
    let day: string
    try {
      day = providerDayOf(row.time)
    } catch {
      throw invalid('fileBase64', `Row ${n + 1} of the bill has no readable time (${row.time || 'empty'})`, {
        key: 'errors.reconciliation.rowTime',
        params: { row: n + 1, time: row.time }
      })
    }
    if (!row.tradeNo)
      throw invalid('fileBase64', `Row ${n + 1} of the bill has no merchant order number`, {
        key: 'errors.reconciliation.rowTradeNo',
        params: { row: n + 1 }
      })
    if (day !== file.date)
      throw invalid('date', `The file holds business of ${day}: it is not the bill for ${file.date}`, {
        key: 'errors.reconciliation.otherDay',
        params: { day, date: file.date }
      })
  }
  return rows
}
