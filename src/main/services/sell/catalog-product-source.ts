import type { Store } from '../../store/store'
import type { ProductSource } from './product-source'

/** The till sells what the catalog holds; a scanned code is a barcode first, then a SKU. */
export function catalogProductSource(store: Store): ProductSource {
  return {
    byId: (id) => store.catalog.getProduct(id) ?? undefined,
    byCode: (code) =>
      store.catalog.getProductByBarcode(code) ?? store.catalog.getProductBySku(code) ?? undefined,
    byScaleCode: (itemCode) => store.catalog.getProductByScaleCode(itemCode) ?? undefined
  }
}
