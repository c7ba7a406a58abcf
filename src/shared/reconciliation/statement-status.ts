/**
 * What a bill row's status means for money, across the providers' spellings: Alipay rows are
 * `TRADE_SUCCESS` / `REFUND_SUCCESS` (its bill lists only finished business), WeChat `SUCCESS`,
 * `REVOKED`, `REFUND_SUCCESS`, `REFUND_PROCESSING`, `REFUND_CHANGE` (failed), the card terminal
 * `approved` and `voided` (a reversal that went through).
 */
export type StatementState = 'succeeded' | 'processing' | 'failed'

export function statementState(status: string): StatementState {
  const s = status.trim().toUpperCase()
  if (
    s === 'TRADE_SUCCESS' ||
    s === 'TRADE_FINISHED' ||
    s === 'SUCCESS' ||
    s === 'REFUND_SUCCESS' ||
    s === 'APPROVED' ||
    s === 'VOIDED'
  ) {
    return 'succeeded'
  }
  if (s.endsWith('PROCESSING')) return 'processing'
  return 'failed'
}

/**
 * How far a local row got. Payments: `succeeded` and `reversed` both took the customer's money
 * (a reversal gives it back on a row of its own); `created … unknown` are still open (the till
 * has not learned the outcome); `failed` and `closed` never took any. Refunds: `processing`,
 * `succeeded`, `failed`.
 */
export type LocalState = 'settled' | 'open' | 'lost'

export function localState(kind: 'payment' | 'refund' | 'reversal', status: string): LocalState {
  if (kind === 'payment') {
    if (status === 'succeeded' || status === 'reversed') return 'settled'
    if (status === 'failed' || status === 'closed') return 'lost'
    return 'open'
  }
  if (kind === 'reversal') return status === 'reversed' ? 'settled' : 'open'
  if (status === 'succeeded') return 'settled'
  if (status === 'processing') return 'open'
  return 'lost'
}
