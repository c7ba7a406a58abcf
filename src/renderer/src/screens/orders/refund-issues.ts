import type { ApiError } from '@shared/contract'
import { parseDecimalToMinor } from '@shared/money/format'
import { FieldError } from '@shared/money/field-error'
import { scaledMagnitude, scanDecimal } from '@shared/money/decimal-scan'
import { QUANTITY_DIGITS, quantityProblem } from '@shared/schemas/cart-rules'
import { fieldRefusal } from '@shared/contract/error-reasons'
import { formIssue, reasonIssue } from '../../lib/form-issues'

/** The lines of a refundable order as the dialog needs them: quantities as decimal strings. */
export interface RefundableLine {
  lineId: string
  unit: string
  quantityLeft: string
}

/** What the cashier has typed in the refund dialog. */
export interface RefundDraft {
  mode: 'lines' | 'amount'
  /** Typed quantity per line id; blank or `0` means the line is not refunded. */
  quantities: Record<string, string>
  amount: string
  reason: string
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/

/**
 * Every reason the refund cannot be asked for yet, each on its field: `quantity:<lineId>` for a
 * line's quantity (not a number, not a whole number for goods sold by the piece, more than is left:
 * the same rules as main's `refund-lines.ts`), `lines` when nothing is chosen, `amount` (blank,
 * malformed, not above 0, more than `refundable` minor units) and `reason` (blank). Empty when the
 * refund may be sent; main still has the last word.
 */
export function refundIssues(
  lines: readonly RefundableLine[],
  refundable: number,
  currency: string,
  draft: RefundDraft,
  money: (minor: number, currency: string) => string
): ApiError[] {
  const issues: ApiError[] = []
  if (draft.mode === 'lines') {
    let chosen = 0
    for (const line of lines) {
      const typed = (draft.quantities[line.lineId] ?? '').trim()
      if (typed === '') continue
      const field = `quantity:${line.lineId}`
      if (!PLAIN_NUMBER.test(typed)) {
        issues.push(formIssue(field, 'enterNumber'))
        continue
      }
      // Compared in grams (thousandths), the finest a quantity is sold in: exact integers, no float.
      const scan = scanDecimal(typed)!
      if (scan.digitsValue === 0) continue
      chosen += 1
      const problem = quantityProblem(scan)
      const left = scanDecimal(line.quantityLeft)
      if (problem) issues.push(fieldRefusal(field, problem))
      else if (line.unit === 'piece' && scan.significantFractionDigits > 0)
        issues.push(formIssue(field, 'wholePieces'))
      else if (left && scaledMagnitude(scan, QUANTITY_DIGITS) > scaledMagnitude(left, QUANTITY_DIGITS))
        issues.push(formIssue(field, 'atMostLeft', { left: line.quantityLeft }))
    }
    if (chosen === 0 && issues.length === 0) issues.push(formIssue('lines', 'chooseItems'))
  } else {
    const typed = draft.amount.trim()
    if (typed === '') issues.push(formIssue('amount', 'enterAmount'))
    else {
      try {
        const minor = parseDecimalToMinor(typed, currency, 'amount')
        if (minor <= 0) issues.push(formIssue('amount', 'moreThanZero'))
        else if (minor > refundable)
          issues.push(formIssue('amount', 'atMostAmount', { amount: money(refundable, currency) }))
      } catch (caught) {
        if (!(caught instanceof FieldError)) throw caught
        issues.push(fieldRefusal('amount', caught.message, caught.reason))
      }
    }
  }
  return [...issues, ...reasonIssue(draft.reason)]
}
