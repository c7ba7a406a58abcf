import { minorDigits } from '@shared/money/currencies'
import { minorToDecimal } from '@shared/money/format'

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

/** 1, 2 or 5 × 10^k major units: the steps a reader counts in without effort. */
function niceStep(roughMajor: number): number {
  let power = 1
  while (power * 10 <= roughMajor) power *= 10
  for (const factor of [1, 2, 5, 10]) if (factor * power >= roughMajor) return factor * power
  return 10 * power
}

/**
 * Even, round money ticks for a chart axis in whole major units (yuan, not fen), covering
 * `lowMinor`…`highMinor` (minor units; 0 is always on the axis). At most `maxTicks` + 1 ticks; the
 * step is 1, 2 or 5 × 10^k of the major unit and the same between every pair. Returned as minor
 * units (integers), so the axis and the bars share one scale.
 *
 * @example niceMoneyTicks(0, 33_870, 'CNY') // [0, 10000, 20000, 30000, 40000] (¥0 … ¥400)
 */
export function niceMoneyTicks(
  lowMinor: number,
  highMinor: number,
  currency: string,
  maxTicks = 4
): number[] {
  const unit = POW10[minorDigits(currency)] ?? 1
  const low = Math.min(0, lowMinor)
  const high = Math.max(0, highMinor)
  const spanMajor = Math.max(1, Math.ceil((high - low) / unit))
  const step = niceStep(spanMajor / maxTicks) * unit
  const first = Math.floor(low / step) * step
  const last = Math.max(step, Math.ceil(high / step) * step)
  const ticks: number[] = []
  for (let tick = first; tick <= last; tick += step) ticks.push(tick === 0 ? 0 : tick)
  return ticks
}

/** A tick's label: whole major units in the interface language ("¥400", "CN¥1,000"). */
export function formatTick(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0
  })
    .format(minorToDecimal(minor, minorDigits(currency)) as Intl.StringNumericLiteral)
    .replace('-', '\u2212')
}
