import Decimal from 'decimal.js'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * A discount rate the way Chinese shops say it: 折 counts the tenths the customer still pays
 * (打九折 = 10 % off). Whole and one-decimal 折 are spelled in Chinese digits (`九折`, `八五折`);
 * anything finer keeps Arabic digits (`8.75折`). A rate of 1 is `免单` (nothing to pay).
 *
 * @example rateToZhe('0.1') // '九折'; rateToZhe('0.15') // '八五折'; rateToZhe('0.5') // '五折'; rateToZhe('0.125') // '8.75折'
 */
export function rateToZhe(rate: string): string {
  const paid = new Decimal(1).minus(rate).times(10)
  if (paid.lessThanOrEqualTo(0)) return '免单'
  if (paid.greaterThanOrEqualTo(10)) return '原价'
  if (paid.isInteger()) return `${DIGITS[paid.toNumber()]}折`
  const tenths = paid.times(10)
  if (tenths.isInteger()) {
    const text = tenths.toFixed(0).padStart(2, '0')
    return `${DIGITS[Number(text[0])]}${DIGITS[Number(text[1])]}折`
  }
  return `${paid.toFixed()}折`
}
