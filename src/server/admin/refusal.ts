import { HQ_ERROR_STATUS, type HqApiError, type HqErrorCode } from '@shared/hq-api/route'

/**
 * A refusal of the head office's web API: `{ error: { code, message, field?, key, params? } }`
 * with the code's HTTP status. Thrown by handlers and services; the transaction around it rolls
 * back, so nothing of the refused request is written. `key` is `errors.hq.<area>.<name>` (or a
 * shared `errors.validation.*` key) and has zh-CN and en text in the hq-web's locales.
 */
export class HqRefusal extends Error {
  override readonly name = 'HqRefusal'
  readonly status: number

  constructor(
    readonly code: HqErrorCode,
    message: string,
    readonly key: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>
  ) {
    super(message)
    this.status = HQ_ERROR_STATUS[code]
  }

  toJSON(): { error: HqApiError } {
    return {
      error: {
        code: this.code,
        message: this.message,
        key: this.key,
        ...(this.field ? { field: this.field } : {}),
        ...(this.params ? { params: this.params } : {})
      }
    }
  }
}

export const notFound = (what: string, field: string, key = 'errors.hq.notFound') =>
  new HqRefusal('NOT_FOUND', `${field}: no such ${what}`, key, field)
