import { FieldError } from '@shared/money/field-error'
import { reasonKey } from '@shared/contract/error-reasons'
import { HqRefusal } from '../admin/refusal'

/**
 * A refusal of a master-data change a person can meet: the web API's `HqRefusal` (code, English
 * message, key `errors.hq.master.<name>`, field, params). Thrown inside the publishing transaction,
 * so nothing of the refused change is written.
 */
export const refuse = (
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN',
  field: string | undefined,
  /** `errors.hq.master.<name>`, spelled out at each call so the key walk finds it. */
  key: string,
  message: string,
  params?: Record<string, string | number>
): HqRefusal => new HqRefusal(code, message, key, field, params)

/**
 * The till's shared rules refuse with a `FieldError` (a price with too many decimals, a CSV without
 * its columns): as the web API's VALIDATION refusal naming the same field, with the same key.
 */
export function asRefusal(error: unknown): unknown {
  if (!(error instanceof FieldError)) return error
  const { key, params } = error.reason ?? reasonKey(error.message)
  return new HqRefusal(
    'VALIDATION',
    error.describe(),
    key ?? 'errors.validation.invalid',
    error.field || undefined,
    params
  )
}
