import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteSink } from '../../../src/main/cli/byte-sink'
import { minorToDecimal } from '../../../src/shared/money/format'

const written = (write: (sink: ByteSink) => void): string => {
  const sink = new ByteSink(4)
  write(sink)
  return sink.bytes().toString('utf8')
}

describe('ByteSink', () => {
  it('writes amounts as JSON strings with the minor digits', () => {
    expect(written((s) => s.amount(15700, 2))).toBe('"157.00"')
    expect(written((s) => s.amount(-2, 2))).toBe('"-0.02"')
    expect(written((s) => s.amount(0, 0))).toBe('"0"')
    expect(written((s) => s.amount(5, 3))).toBe('"0.005"')
    expect(written((s) => s.amount(2 ** 31, 2))).toBe('"21474836.48"')
    expect(written((s) => s.amount(Number.MAX_SAFE_INTEGER, 4))).toBe('"900719925474.0991"')
  })

  it('agrees with minorToDecimal everywhere', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })),
        fc.integer({ min: 0, max: 4 }),
        (minor, digits) => {
          expect(written((s) => s.amount(minor, digits))).toBe(`"${minorToDecimal(minor, digits)}"`)
        }
      )
    )
  })

  it('escapes strings and keeps non-ASCII text', () => {
    expect(written((s) => s.string('茶 "A"\n'))).toBe(JSON.stringify('茶 "A"\n'))
    expect(written((s) => s.raw('{"名":1}'))).toBe('{"名":1}')
  })
})
