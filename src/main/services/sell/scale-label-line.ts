import Decimal from 'decimal.js'
import { readScaleLabel } from '@shared/barcodes/scale-label'
import { isImplausibleQuantity, isOverLineCap } from '@shared/money/plausibility'
import { labelQuantity } from '../../domain/catalog/scale-label-quantity'
import { DomainError } from '../../domain/errors'
import type { SettingsService } from '../settings-service'
import type { ProductForSale, ProductSource } from './product-source'

/**
 * Reads a scanned code as a weighed-goods label under the store's layouts (`settings.scaleLabels`):
 * the product its item code names and the quantity in kg. Undefined when the code is no label.
 *
 * Refusals (all on field `code`): VALIDATION `errors.scale.checkDigit` / `errors.scale.valueCheckDigit`
 * for a misread label; NOT_FOUND `errors.scale.unknownItem` when no product has the item code;
 * VALIDATION `errors.scale.notByWeight` for a product sold by the piece; CONFLICT
 * `errors.scale.priceMismatch` when a price label's price is no whole number of grams at the till's
 * unit price (the scale's price list differs); VALIDATION `errors.scale.largeQuantity` (params `quantity`
 * in kg, `name`, `nameEn`) when the label weighs more than a counter sells in one line
 * (`isImplausibleQuantity`, above 30 kg) and `confirmed` is not set — the "are you sure?" a typed
 * quantity gets (LineEditor), asked of a scan too. Above `LINE_QUANTITY_CAP` no confirmation helps:
 * the caller's `checkLineQuantityLimit` refuses it.
 */
export function scaleLabelLine(
  code: string,
  products: ProductSource,
  settings: SettingsService,
  confirmed = false
): { product: ProductForSale; quantity: string } | undefined {
  const label = readScaleLabel(code, settings.scaleLabels())
  if (!label) return undefined
  if ('problem' in label) {
    const key = label.problem === 'check-digit' ? 'errors.scale.checkDigit' : 'errors.scale.valueCheckDigit'
    throw new DomainError(
      'VALIDATION',
      `The label was misread (its ${label.problem === 'check-digit' ? 'check digit' : 'price check digit'} should be ${label.expected}): scan it again`,
      'code',
      { key, params: { expected: label.expected, code } }
    )
  }
  const product = products.byScaleCode(label.itemCode)
  if (!product)
    throw new DomainError('NOT_FOUND', `No product has scale item code ${label.itemCode}`, 'code', {
      key: 'errors.scale.unknownItem',
      params: { itemCode: label.itemCode }
    })
  if (product.unit !== 'kg')
    throw new DomainError('VALIDATION', `${product.sku} is sold by the piece, not by weight`, 'code', {
      key: 'errors.scale.notByWeight',
      params: { sku: product.sku }
    })
  if (label.content === 'weight' && label.grams === 0)
    throw new DomainError('VALIDATION', 'The label carries no weight', 'code', {
      key: 'errors.scale.noWeight'
    })
  const quantity = labelQuantity(label, product.priceMinor, settings.getProfile().rounding)
  if (quantity === undefined)
    throw new DomainError(
      'CONFLICT',
      `The label's price is no whole number of grams at ${product.sku}'s unit price; the scale's price differs from the till's — weigh again`,
      'code',
      { key: 'errors.scale.priceMismatch', params: { sku: product.sku } }
    )
  if (!confirmed && isImplausibleQuantity(quantity, 'kg') && !isOverLineCap(quantity, 'kg')) {
    // As the line will read it: "35", not the label's "35.000".
    const kg = new Decimal(quantity).toFixed()
    throw new DomainError('VALIDATION', `The label weighs ${kg} kg of ${product.sku}: confirm it`, 'code', {
      key: 'errors.scale.largeQuantity',
      params: { quantity: kg, name: product.nameZh, nameEn: product.nameEn || product.nameZh }
    })
  }
  return { product, quantity }
}
