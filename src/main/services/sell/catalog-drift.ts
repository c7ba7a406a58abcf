import Decimal from 'decimal.js'
import type { CartLineView, CartView } from '@shared/contract/channels/cart'
import { DomainError } from '../../domain/errors'
import type { LineProductRow, OrderLineRow } from '../../store/repos/orders-repo'
import type { ProductForSale, ProductSource } from './product-source'

// A cart line keeps what it was rung up at: price, tax rate and name are copied into the line when
// the product is scanned, and nothing the catalog does later (a head-office pull, a manager's edit on
// this till, an import) rewrites them, so the customer pays what the cart showed. What the catalog
// did meanwhile is told beside the line (README "Selling", "When the catalog changes under a cart").

/**
 * Whether the product's price or tax rate today differs from what the line was rung up at (its list
 * price, before any override, and its tax rate compared as numbers: "0.13" = "0.130").
 */
export function lineDiffersFromCatalog(
  line: Pick<OrderLineRow, 'list_price' | 'tax_rate'>,
  product: Pick<ProductForSale, 'priceMinor' | 'taxRate'>
): boolean {
  return line.list_price !== product.priceMinor || !new Decimal(line.tax_rate).eq(product.taxRate)
}

/**
 * What changed in the catalog since a line was rung up, or null for nothing (or a line with no
 * product, which the catalog cannot change): `unitPrice` the product's price now in minor units when
 * it differs from the line's list price, `taxRate` its rate now when it differs, `onSale` false when
 * the product was taken off sale (inactive) or is gone.
 */
export function catalogChangeOf(
  line: Pick<CartLineView, 'productId' | 'listPrice' | 'taxRate'>,
  product: Pick<ProductForSale, 'priceMinor' | 'taxRate' | 'active'> | undefined
): CartLineView['catalogChange'] {
  if (line.productId === null) return null
  if (!product || !product.active) return { unitPrice: null, taxRate: null, onSale: false }
  const unitPrice = product.priceMinor !== line.listPrice ? product.priceMinor : null
  const taxRate = new Decimal(product.taxRate).eq(line.taxRate) ? null : product.taxRate
  return unitPrice === null && taxRate === null ? null : { unitPrice, taxRate, onSale: true }
}

/**
 * The cart with each line's `catalogChange` filled in from the catalog as it is now (`products`: the
 * lines' products, from `store.orders.lineProducts`; one absent was deleted). The figures are
 * untouched: they come from the stored lines only (specs/settlement.md), so a change in the catalog
 * never moves an amount the cashier already showed the customer.
 */
export function withCatalogChanges(cart: CartView, products: readonly LineProductRow[]): CartView {
  const byId = new Map(products.map((row) => [row.id, row]))
  const now = (id: string | null): Pick<ProductForSale, 'priceMinor' | 'taxRate' | 'active'> | undefined => {
    const row = id === null ? undefined : byId.get(id)
    return row && { priceMinor: row.price_minor, taxRate: row.tax_rate, active: row.active === 1 }
  }
  return {
    ...cart,
    lines: cart.lines.map((line) => ({ ...line, catalogChange: catalogChangeOf(line, now(line.productId)) }))
  }
}

/**
 * Refuses more of a line whose product was taken off sale (or deleted) after it was rung up.
 * @throws DomainError CONFLICT `quantity` (`errors.catalog.notOnSale`, params name, nameEn, sku)
 */
export function requireStillOnSale(
  line: Pick<OrderLineRow, 'product_id' | 'name' | 'name_en' | 'sku'>,
  products: ProductSource
): void {
  if (line.product_id === null || products.byId(line.product_id)?.active) return
  throw new DomainError('CONFLICT', `${line.name} is not for sale (inactive)`, 'quantity', {
    key: 'errors.catalog.notOnSale',
    params: { name: line.name, nameEn: line.name_en || line.name, sku: line.sku }
  })
}
