import { SYNC_ERROR_STATUS, type SyncError, type SyncErrorCode } from '@shared/sync/protocol'

/**
 * A refusal the head office answers with a 4xx (or 503) and `{ error }` as declared in the
 * protocol. Thrown anywhere below a route; the transaction around it rolls back, so nothing of the
 * refused request is written.
 */
export class SyncRefusal extends Error {
  override readonly name = 'SyncRefusal'
  readonly status: number

  constructor(
    readonly code: SyncErrorCode,
    readonly reason: string,
    readonly extra: Omit<SyncError, 'code' | 'reason'> = {}
  ) {
    super(reason)
    this.status = SYNC_ERROR_STATUS[code]
  }

  toAnswer(serverTime: Date): { error: SyncError } {
    return {
      error: { code: this.code, reason: this.reason, ...this.extra, serverTime: serverTime.toISOString() }
    }
  }
}

/** Turns the first zod issue into a `MALFORMED` refusal naming the field. */
export function malformed(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>
): SyncRefusal {
  const issue = issues[0]
  const field = (issue?.path ?? [])
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
  return new SyncRefusal(
    'MALFORMED',
    field ? `${field}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid'),
    {
      ...(field ? { field } : {})
    }
  )
}
