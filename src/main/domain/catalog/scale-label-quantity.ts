import type { ScaleLabel } from '@shared/barcodes/scale-label'
import { roundMulDiv } from '../money/round-ratio'
import type { RoundingMode } from '../money/rounding-mode'

/**
 * The quantity (kg, 3 decimals) a scale label puts on the cart, or undefined when a price label's
 * price cannot be met by a whole number of grams at the till's unit price.
 *
 * A weight label carries grams: the line is that weight. A price label carries what the scale charged
 * (weight × its unit price, rounded): the line is the whole number of grams whose gross —
 * `round(quantity × unitPrice)`, spec step 1 — is exactly the label's price, the one nearest
 * price ÷ unit price. So the receipt shows a real weight, the customer pays exactly the printed
 * price, and quantity × unit price = gross holds as for any other line. When no weight gives that
 * price, the scale and the till disagree on the unit price: the label is refused (weigh again)
 * rather than charging either price silently.
 *
 * @example
 * labelQuantity({ itemCode: '07001', content: 'weight', grams: 1234 }, 1280, 'half-up') // '1.234'
 * labelQuantity({ itemCode: '07001', content: 'price', priceMinor: 1580 }, 1280, 'half-up') // '1.234' (1.234 × 12.80 = 15.795 → 15.80)
 */
export function labelQuantity(
  label: ScaleLabel,
  unitPriceMinor: number,
  rounding: RoundingMode
): string | undefined {
  const kg = (grams: number): string => (grams / 1000).toFixed(3)
  if (label.content === 'weight') return label.grams > 0 ? kg(label.grams) : undefined
  if (label.priceMinor <= 0 || unitPriceMinor <= 0) return undefined
  const near = roundMulDiv(label.priceMinor, 1000, unitPriceMinor, 'half-up')
  // A gram changes the gross by unitPrice / 1000 fen: within ±(1000 / unitPrice + 1) grams of the exact
  // quotient lie all candidates; the nearest that prices exactly wins.
  const reach = Math.ceil(1000 / unitPriceMinor) + 1
  for (let d = 0; d <= reach; d++) {
    for (const grams of d === 0 ? [near] : [near - d, near + d]) {
      if (grams <= 0) continue
      if (roundMulDiv(unitPriceMinor, grams, 1000, rounding) === label.priceMinor) return kg(grams)
    }
  }
  return undefined
}
