import { formatMinor } from '@shared/money/format'
import { plausibleTenderLimit } from '@shared/money/plausibility'
import { DomainError } from '../errors'

/**
 * Refuses cash handed over beyond `plausibleTenderLimit(due)` unless the cashier confirmed it
 * (issue 10: a scanner's 13 digits in "cash received" became ¥6,923,456,010,029.00 change).
 *
 * @param tendered cash handed over, minor units
 * @param due what this tender pays, minor units
 * @throws DomainError VALIDATION, field `tendered`, key `errors.checkout.implausibleTender`
 *   (params `tendered`, `limit`: formatted amounts) when not confirmed
 */
export function assertPlausibleTender(
  tendered: number,
  due: number,
  currency: string,
  confirmed: boolean,
  locale: string
): void {
  const limit = plausibleTenderLimit(due, currency)
  if (confirmed || tendered <= limit) return
  const params = {
    tendered: formatMinor(tendered, currency, locale),
    limit: formatMinor(limit, currency, locale)
  }
  throw new DomainError(
    'VALIDATION',
    `is ${params.tendered}, more than the ${params.limit} a customer plausibly hands over; confirm it`,
    'tendered',
    { key: 'errors.checkout.implausibleTender', params }
  )
}
