import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import Decimal from 'decimal.js'
import { quoteCart } from '../src/main/domain/pricing/quote-cart'
import type { CartInput } from '../src/shared/schemas/cart'
import { medianMs, type Bench } from './bench'
import { makeBenchCarts } from './carts'

const root = resolve(__dirname, '..')
const PROCESS_BUDGET_MS = 500

/** Wall time of one `node …` process fed `input` on stdin; throws if it fails. */
function timeProcess(args: string[], input: string): number {
  const start = performance.now()
  const run = spawnSync(process.execPath, args, { cwd: root, input, maxBuffer: 1 << 30 })
  const ms = performance.now() - start
  if (run.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`)
  return ms
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

export const bench: Bench = {
  title: 'settlement: quoteCart and `kassa quote`',
  async run() {
    // (a) In-process throughput on 200 carts × 50 lines, against the least any quote must do: multiply
    //     and add each line's quantity × price with decimal.js (no validation, rounding, coupons or tax).
    const carts = makeBenchCarts({ carts: 200, lines: 50 }) as CartInput[]
    const quoteAll = () => carts.forEach((cart) => quoteCart(cart))
    const naiveSum = () =>
      carts.forEach((cart) =>
        cart.lines.reduce((sum, l) => sum.plus(new Decimal(l.quantity).times(l.unitPrice)), new Decimal(0))
      )
    const inProcess = await medianMs(15, quoteAll)
    const naive = await medianMs(15, naiveSum)

    // (b) 2,000 carts × 50 lines through the real command, as one process, against starting node itself.
    const batch = JSON.stringify(makeBenchCarts({ carts: 2000, lines: 50 }))
    const runs = 7
    const kassaMs: number[] = []
    const nodeMs: number[] = []
    timeProcess(['bin/kassa.cjs', 'quote'], batch) // warm the file cache
    for (let i = 0; i < runs; i++) {
      nodeMs.push(timeProcess(['-e', ''], ''))
      kassaMs.push(timeProcess(['bin/kassa.cjs', 'quote'], batch))
    }
    const kassa = medianOf(kassaMs)
    const best = Math.min(...kassaMs)
    const verdict = kassa < PROCESS_BUDGET_MS ? 'UNDER' : 'OVER'

    return [
      {
        name: 'quoteCart, 10,000 lines in-process',
        figure: { label: '200 carts × 50 lines, validate + steps 1–8, minor units out', ms: inProcess },
        baseline: { label: 'decimal.js Σ qty×price', ms: naive },
        note: `${((carts.length * 50) / inProcess).toFixed(0)} lines/ms`
      },
      {
        name: 'kassa quote, 100,000 lines, one process',
        figure: {
          label: `2,000 carts × 50 lines (${(batch.length / 2 ** 20).toFixed(1)} MiB) on stdin, JSON out`,
          ms: kassa
        },
        baseline: { label: 'node -e ""', ms: medianOf(nodeMs) },
        note:
          `${verdict} the ${PROCESS_BUDGET_MS} ms budget: median ${kassa.toFixed(0)} ms, best ${best.toFixed(0)} ms, ` +
          `worst ${Math.max(...kassaMs).toFixed(0)} ms over ${runs} runs`
      }
    ]
  }
}
