/** Each reason's message key (spelled out so the error-key walk sees every one). */
export const BILL_ERROR_KEYS = {
  billNoHeader: 'errors.reconciliation.billNoHeader',
  billNoColumn: 'errors.reconciliation.billNoColumn',
  billCell: 'errors.reconciliation.billCell',
  billZip: 'errors.reconciliation.billZip',
  billZipNoDetail: 'errors.reconciliation.billZipNoDetail',
  billNoTotal: 'errors.reconciliation.billNoTotal',
  billSummaryMismatch: 'errors.reconciliation.billSummaryMismatch'
} as const

/**
 * Why a provider's bill file cannot be read, as a message key under `errors.reconciliation.` and its
 * params (`line`: the line of the file, 1-based, counting the header; `column`: the provider's
 * column heading), so the till and the head office word it in the reader's language.
 */
export class BillReadError extends Error {
  constructor(
    message: string,
    readonly key: keyof typeof BILL_ERROR_KEYS,
    readonly params: Record<string, string | number> = {}
  ) {
    super(message)
  }
}

/** `read(value)` for the cell at `line`/`column`; a failure becomes `billCell` naming both and the value. */
export function readCell<T>(value: string, line: number, column: string, read: (value: string) => T): T {
  try {
    return read(value)
  } catch {
    throw new BillReadError(`line ${line}, column ${column}: "${value}" is not an amount`, 'billCell', {
      line,
      column,
      value
    })
  }
}
