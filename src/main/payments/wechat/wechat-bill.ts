import { Formatter } from 'wechatpay-axios-plugin'
import { parseDecimalToMinor } from '@shared/money/format'
import { roundToMinor } from '../../domain/money/round'
import { toRfc3339China } from '../china-time'
import { readCell } from '../bill-error'
import type { BillRow } from '../provider'

/**
 * Reads WeChat Pay's trade bill with the plugin's own `Formatter.castCsvBill` (BOM, header, rows,
 * two summary lines; every cell prefixed with a backtick so spreadsheets keep it as text).
 * Fees are printed with five decimals ("0.07500"); WeChat settles each one rounded half-up to the
 * fen, so that is done here, once per row.
 */
export function parseWechatBill(bytes: Buffer): BillRow[] {
  const { rows } = Formatter.castCsvBill(bytes) as { rows: Record<string, string>[] }
  return rows.map((row, n) => {
    // The header is line 1 of the file: row n (0-based) is line n + 2.
    const line = n + 2
    const isRefund = row['交易状态'] === 'REFUND'
    const refundNo = row['商户退款单号'] ?? ''
    return {
      tradeNo: row['商户订单号'] ?? '',
      providerTradeNo: row['微信订单号'] ?? '',
      type: isRefund ? 'refund' : 'payment',
      ...(isRefund && refundNo && refundNo !== '0' ? { refundNo } : {}),
      amount: readCell(
        isRefund ? (row['退款金额'] ?? '') : (row['应结订单金额'] ?? ''),
        line,
        isRefund ? '退款金额' : '应结订单金额',
        (value) => parseDecimalToMinor(value, 'CNY')
      ),
      fee: readCell(row['手续费'] || '0', line, '手续费', (value) => roundToMinor(value, 2, 'half-up')),
      status: isRefund ? `REFUND_${row['退款状态'] ?? ''}` : (row['交易状态'] ?? ''),
      time: toRfc3339China(row['交易时间']) ?? row['交易时间'] ?? ''
    } satisfies BillRow
  })
}
