import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'

// Issue 13 item 7: a refusal of input is never "internal". Every `kassa` command given bad input
// exits 2 with one line naming what is wrong; exit 1 (`internal:`) is kept for our own bugs.

async function kassa(argv: string[], stdin: string | Uint8Array = '') {
  const out: Buffer[] = []
  const err: string[] = []
  const status = await runCli(argv, {
    stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : Buffer.from(stdin)]),
    stdout: { write: (t: string | Uint8Array) => out.push(Buffer.from(t)) },
    stderr: { write: (t: string) => err.push(t) }
  })
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: err.join('') }
}

/** Exit 0, or exit 2 with nothing on stdout… (import prints its summary first) and one `error:` line. */
function expectHandled(run: { status: number; stderr: string }) {
  expect([0, 2]).toContain(run.status)
  expect(run.stderr).not.toContain('internal')
  if (run.status === 2) {
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^error: \S/)
  }
}

let dataDir = ''
const HEADER = 'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active'

beforeAll(async () => {
  // One store for the whole file (tempDir() would be removed after the first test).
  dataDir = mkdtempSync(join(tmpdir(), 'kassa-cli-'))
  // Create the store once, so each run below only opens it.
  const file = join(dataDir, 'seed.csv')
  writeFileSync(file, `${HEADER}\nSEED-1,,种子,Seed,,1.00,0.13,piece,true\n`)
  expect((await kassa(['--data-dir', dataDir, 'import-products', file])).status).toBe(0)
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('the examples of issue 13', () => {
  const file = (name: string, bytes: string | Uint8Array) => {
    const path = join(dataDir, name)
    writeFileSync(path, bytes)
    return path
  }

  it('a CSV with a missing column: exit 2 naming it', async () => {
    const run = await kassa([
      '--data-dir',
      dataDir,
      'import-products',
      file('missing.csv', 'sku,name_zh\nA,甲\n')
    ])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^error: csv: missing columns name_en, price, tax_rate/)
  })

  it('an empty file: exit 2', async () => {
    const run = await kassa(['--data-dir', dataDir, 'import-products', file('empty.csv', '')])
    expect(run).toMatchObject({ status: 2, stderr: 'error: csv: the file is empty\n' })
  })

  it('a UTF-16 file (Excel’s “Unicode text”): imported', async () => {
    const text = `${HEADER}\r\nU16-1,,乌龙茶,Oolong tea,DRINKS,4.50,0.13,piece,true\r\n`
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
    const run = await kassa(['--data-dir', dataDir, 'import-products', file('u16.csv', bytes)])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('imported 1 product: 1 created')
  })

  it('a GBK file: imported as 可口可乐, never as replacement characters', async () => {
    const text = `${HEADER}\r\nGBK-1,,可口可乐,Coca-Cola,DRINKS,3.00,0.13,piece,true\r\n`
    const run = await kassa([
      '--data-dir',
      dataDir,
      'import-products',
      file('gbk.csv', iconv.encode(text, 'gbk'))
    ])
    expect(run.status).toBe(0)
  })

  it('a row with a decimal comma: exit 2 naming the line and the cell count', async () => {
    const text = `sku,name_zh,name_en,price,tax_rate\nDC-1,牛奶,Milk,0.13,3,50\n`
    const run = await kassa(['--data-dir', dataDir, 'import-products', file('comma.csv', text)])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('line 2: has 6 cells but the header has 5')
  })

  it('a wrong check digit: exit 2 naming the right one', async () => {
    const text = `${HEADER}\nCD-1,6901234567890,可乐,Cola,DRINKS,3.00,0.13,piece,true\n`
    const run = await kassa(['--data-dir', dataDir, 'import-products', file('check.csv', text)])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('line 2, barcodes: check digit should be 2: 6901234567892')
  })

  it('a quote whose figures pass 2^53 − 1 minor units: exit 2 naming the figure', async () => {
    const big = { quantity: '1', unitPrice: '50000000000000.00' }
    const carts = [0, 1, 2].map(() => ({ currency: 'CNY', lines: [] as unknown[] }))
    carts.push({ currency: 'CNY', lines: [big, big] })
    const run = await kassa(['quote'], JSON.stringify(carts))
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'error: carts[3].grossTotal: is too large\n' })
    const cash = await kassa(
      ['quote'],
      JSON.stringify({
        currency: 'CNY',
        cashIncrement: '1',
        lines: [{ quantity: '1', unitPrice: '90071992547409.91' }]
      })
    )
    expect(cash).toEqual({ status: 2, stdout: '', stderr: 'error: cashTotal: is too large\n' })
  })
})

describe('kassa quote with cashRoundingMode', () => {
  it('抹零: down drops the odd jiao, half-up rounds it', async () => {
    const cart = (mode?: string) =>
      JSON.stringify({
        currency: 'CNY',
        cashIncrement: '0.10',
        ...(mode ? { cashRoundingMode: mode } : {}),
        lines: [{ quantity: '1', unitPrice: '157.06' }]
      })
    const down = JSON.parse((await kassa(['quote'], cart('down'))).stdout) as Record<string, string>
    expect(down).toMatchObject({ total: '157.06', cashTotal: '157.00', cashRounding: '-0.06' })
    const up = JSON.parse((await kassa(['quote'], cart())).stdout) as Record<string, string>
    expect(up).toMatchObject({ cashTotal: '157.10', cashRounding: '0.04' })
    expect(await kassa(['quote'], cart('up'))).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: cashRoundingMode: must be "half-up" or "down"\n'
    })
  })
})

describe('fuzz: no input makes a command fail as internal', () => {
  const decimal = fc.oneof(
    fc
      .bigInt({ min: -(2n ** 64n), max: 2n ** 64n })
      .map((n) => (Number(n % 2n) === 0 ? String(n) : `${n}.${String(n).slice(-2).replace('-', '0')}`)),
    fc.double().map(String),
    fc.constantFrom('0', '1', '0.05', '1e3', '', '1.2.3', '９', '-0', '0.0001')
  )
  const line = fc.record(
    {
      sku: fc.string(),
      quantity: fc.oneof(decimal, fc.integer()),
      unitPrice: fc.oneof(decimal, fc.integer()),
      taxRate: decimal,
      discount: fc.oneof(
        fc.record(
          { type: fc.constantFrom('rate', 'amount', 'x'), rate: decimal, amount: decimal },
          { requiredKeys: ['type'] }
        ),
        fc.anything()
      )
    },
    { requiredKeys: [] }
  )
  const cart = fc.record(
    {
      currency: fc.constantFrom('CNY', 'JPY', 'KWD', 'XXX', ''),
      rounding: fc.constantFrom('half-up', 'half-even', 'down'),
      taxMode: fc.constantFrom('inclusive', 'exclusive', 'x'),
      cashIncrement: decimal,
      cashRoundingMode: fc.constantFrom('half-up', 'down', 'up'),
      lines: fc.array(line, { maxLength: 4 }),
      coupons: fc.anything()
    },
    { requiredKeys: ['currency', 'lines'] }
  )
  const quoteInput = fc.oneof(
    cart.map((c) => JSON.stringify(c)),
    fc.array(cart, { maxLength: 3 }).map((c) => JSON.stringify(c)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string()
  )

  it('kassa quote', async () => {
    await fc.assert(
      fc.asyncProperty(quoteInput, async (stdin) => {
        const run = await kassa(['quote'], stdin)
        expectHandled(run)
        if (run.status === 2) expect(run.stdout).toBe('')
      }),
      { numRuns: 300 }
    )
  })

  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '6901234567892',
      '6901234567890',
      '012345678905',
      '3,50',
      '1,234.50',
      '是',
      'kg',
      '',
      '"',
      '\n'
    ),
    decimal
  )
  const csvText = fc.oneof(
    fc
      .array(fc.array(cell, { maxLength: 11 }), { maxLength: 6 })
      .map((rows) => [HEADER, ...rows.map((r) => r.join(','))].join('\n')),
    fc.string(),
    fc.constantFrom('', '\ufeff', HEADER, 'sku\n')
  )
  const csvBytes = fc.oneof(
    csvText.map((t) => Buffer.from(t, 'utf8')),
    csvText.map((t) => iconv.encode(t, 'gb18030')),
    csvText.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')])),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b))
  )

  it('kassa import-products', async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(csvBytes, fc.boolean(), async (bytes, validOnly) => {
        const file = join(dataDir, `fuzz-${++n}.csv`)
        writeFileSync(file, bytes)
        const args = [
          '--data-dir',
          dataDir,
          'import-products',
          file,
          ...(validOnly ? ['--valid-rows-only'] : [])
        ]
        expectHandled(await kassa(args))
      }),
      { numRuns: 60 }
    )
  }, 120_000)

  it('kassa report day and audit verify', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('2025-03-01', '2025-02-30', '9999-12-31', '2025-3-1')),
        fc.subarray(['--json', '--bogus']),
        async (date, flags) => {
          expectHandled(await kassa(['--data-dir', dataDir, 'report', 'day', date, ...flags]))
        }
      ),
      { numRuns: 40 }
    )
    expectHandled(await kassa(['--data-dir', dataDir, 'audit', 'verify']))
    expectHandled(await kassa(['--data-dir', join(dataDir, 'nowhere'), 'report', 'day', '2025-03-01']))
    expectHandled(await kassa(['audit', 'verify', 'extra']))
  }, 120_000)
})
