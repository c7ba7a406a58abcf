import type { Quote } from '../../../shared/schemas/cart'
import { priceCart } from '../../domain/pricing/quote-cart'
import { writeQuoteJson } from '../../domain/pricing/write-quote-json'
import { ByteSink } from '../byte-sink'
import { validateCart } from '../../domain/pricing/validate-cart'
import { UsageError, type CliCommand } from '../command'
import { readText } from '../read-text'

function quoteOne(input: unknown, path: string): Quote {
  return priceCart(validateCart(input, path), path)
}

/**
 * `kassa quote`: one cart object, or an array of them, as JSON on stdin → the quote(s) as JSON on stdout,
 * in the same shape. Saves nothing. A refused input leaves stdout empty; the caller sees
 * `error: carts[3].lines[0].quantity: must be greater than 0` on stderr and exit status 2.
 */
export const quote: CliCommand = {
  usage: 'kassa quote < cart.json        one cart object or an array of carts (specs/settlement.md)',
  async run(args, { stdin, stdout }) {
    if (args.length > 0) throw new UsageError(`quote takes no arguments, got ${args.join(' ')}`)
    const text = await readText(stdin)
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch (error) {
      throw new UsageError(
        `stdin: not valid JSON (${error instanceof Error ? error.message : String(error)})`
      )
    }
    // Quotes go to a buffer and reach stdout only once every cart has been quoted, so a refused cart
    // leaves stdout empty; each quote is written as soon as it is made, so none outlives its cart.
    // A quote's JSON is about twice its cart's.
    const sink = new ByteSink(text.length * 2)
    if (Array.isArray(input)) {
      sink.raw('[')
      input.forEach((cart, i) => {
        if (i > 0) sink.raw(',')
        writeQuoteJson(quoteOne(cart, `carts[${i}]`), sink)
      })
      sink.raw(']')
    } else {
      writeQuoteJson(quoteOne(input, ''), sink)
    }
    sink.raw('\n')
    stdout.write(sink.bytes())
    return 0
  }
}
