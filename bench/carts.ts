// Deterministic carts for benchmarks: a fixed linear congruential generator, so every run measures
// the same work.

export interface BenchCartOptions {
  readonly carts: number
  readonly lines: number
}

function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state
  }
}

/** `carts` CNY carts of `lines` lines each, with weighed goods, line discounts, VAT and coupons. */
export function makeBenchCarts({ carts, lines }: BenchCartOptions): object[] {
  const next = generator(20240625)
  const pick = <T>(items: readonly T[]): T => items[next() % items.length] as T
  const price = (): string => `${next() % 500}.${String(next() % 100).padStart(2, '0')}`
  const out: object[] = []
  for (let c = 0; c < carts; c++) {
    const cartLines: object[] = []
    for (let l = 0; l < lines; l++) {
      const weighed = next() % 4 === 0
      cartLines.push({
        sku: `SKU-${next() % 100000}`,
        quantity: weighed
          ? `${next() % 3}.${String(1 + (next() % 999)).padStart(3, '0')}`
          : String(1 + (next() % 5)),
        unitPrice: price(),
        taxRate: pick(['0.13', '0.09', '0.06', '0']),
        ...(next() % 5 === 0
          ? {
              discount: pick([
                { type: 'rate', rate: '0.1' },
                { type: 'amount', amount: '1.00' }
              ])
            }
          : {})
      })
    }
    out.push({
      currency: 'CNY',
      rounding: pick(['half-up', 'half-even']),
      taxMode: 'inclusive',
      cashIncrement: '0.10',
      lines: cartLines,
      coupons: [
        { code: 'SAVE10', type: 'rate', rate: '0.1', minSpend: '50.00' },
        { code: 'MINUS5', type: 'amount', amount: '5.00' }
      ]
    })
  }
  return out
}
