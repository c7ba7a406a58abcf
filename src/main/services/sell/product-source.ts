/** What the till needs to know about a product to sell it; the catalog provides it. */
export interface ProductForSale {
  id: string
  sku: string
  nameZh: string
  nameEn: string
  /** Integer minor units of the store currency. */
  priceMinor: number
  taxRate: string
  unit: 'piece' | 'kg'
  active: boolean
}

export interface ProductSource {
  byId(id: string): ProductForSale | undefined
  /** An exact barcode or SKU, as a scanner types it. */
  byCode(code: string): ProductForSale | undefined
  /** The product whose scale item code a weighed-goods label carries. */
  byScaleCode(itemCode: string): ProductForSale | undefined
}
