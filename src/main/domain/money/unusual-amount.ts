import { formatMinor } from '@shared/money/format'
import {
  CASH_MOVE_CONFIRM_ABOVE,
  FLOAT_CONFIRM_ABOVE,
  PRICE_CAP,
  PRICE_CONFIRM_ABOVE,
  isLargeCashMove,
  isLargeFloat,
  unusualPrice
} from '@shared/money/unusual-amounts'
import { DomainError } from '../errors'

// Refusals of typed amounts far outside what a shop does (`shared/money/unusual-amounts.ts`). Each
// but the price cap is lifted by the call's confirm flag, which the screen sends once the person
// said the amount is right. Params are formatted amounts, so the question names the money.

/**
 * Refuses a unit price of 0 or above `PRICE_CONFIRM_ABOVE` unless `confirmed`, and above `PRICE_CAP` always.
 *
 * @param minor the price, minor units of `currency`
 * @param field the input field that carried it (`price`, `unitPrice`)
 * @throws DomainError VALIDATION `field`: `errors.money.zeroPrice`, `errors.money.largePrice`
 *   (params `amount`, `limit`) unless confirmed; `errors.money.priceOverCap` (params `amount`, `limit`)
 * @example assertPriceUsual(0, 'CNY', 'price', false, 'zh-CN') // throws errors.money.zeroPrice
 */
export function assertPriceUsual(
  minor: number,
  currency: string,
  field: string,
  confirmed: boolean,
  locale: string
): void {
  const why = unusualPrice(minor)
  if (why === null || (confirmed && why !== 'overCap')) return
  const amount = formatMinor(minor, currency, locale)
  if (why === 'zero')
    throw new DomainError('VALIDATION', `is ${amount}: the item would be given away; confirm it`, field, {
      key: 'errors.money.zeroPrice',
      params: { amount }
    })
  const limit = formatMinor(why === 'overCap' ? PRICE_CAP : PRICE_CONFIRM_ABOVE, currency, locale)
  throw why === 'overCap'
    ? new DomainError('VALIDATION', `is ${amount}, above the ${limit} a till takes`, field, {
        key: 'errors.money.priceOverCap',
        params: { amount, limit }
      })
    : new DomainError('VALIDATION', `is ${amount}, more than ${limit}; confirm it`, field, {
        key: 'errors.money.largePrice',
        params: { amount, limit }
      })
}

/**
 * Refuses cash in or out above `CASH_MOVE_CONFIRM_ABOVE` unless `confirmed`.
 * @throws DomainError VALIDATION `amount` `errors.money.largeCashMove` (params `amount`, `limit`)
 */
export function assertCashMoveUsual(
  minor: number,
  currency: string,
  confirmed: boolean,
  locale: string
): void {
  if (confirmed || !isLargeCashMove(minor)) return
  const amount = formatMinor(minor, currency, locale)
  const limit = formatMinor(CASH_MOVE_CONFIRM_ABOVE, currency, locale)
  throw new DomainError('VALIDATION', `is ${amount}, more than ${limit}; confirm it`, 'amount', {
    key: 'errors.money.largeCashMove',
    params: { amount, limit }
  })
}

/**
 * Refuses an opening float above `FLOAT_CONFIRM_ABOVE` unless `confirmed`.
 * @throws DomainError VALIDATION `counts` `errors.money.largeFloat` (params `amount`, `limit`)
 */
export function assertFloatUsual(minor: number, currency: string, confirmed: boolean, locale: string): void {
  if (confirmed || !isLargeFloat(minor)) return
  const amount = formatMinor(minor, currency, locale)
  const limit = formatMinor(FLOAT_CONFIRM_ABOVE, currency, locale)
  throw new DomainError('VALIDATION', `is ${amount}, more than ${limit}; confirm it`, 'counts', {
    key: 'errors.money.largeFloat',
    params: { amount, limit }
  })
}
