import BetterSqlite3 from 'better-sqlite3'
import fc from 'fast-check'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type ApiError, type ChannelName, type Result } from '@shared/contract'
import { OWNER, callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'

// Issue 11, "keep the attacks": every channel of the contract, called with inputs shaped like
// its schema but full of odd values (NUL, lone surrogates, padded decimals, impossible dates,
// huge numbers, wrong types, unknown keys). Over 10,000 calls: no crash, no INTERNAL, every
// VALIDATION names a field of the input, and a refused call writes no row.

const CALLS = 10_000

type Shop = Awaited<ReturnType<typeof openShop>>
let shop: Shop
let watcher: BetterSqlite3.Database
/** Ids that exist in the shop, so some calls reach past "not found". */
let known: string[] = []

beforeAll(async () => {
  shop = await openShop({ payments: { mode: 'off' } })
  const { core, owner } = shop
  const cart = await callOk(core, owner, 'cart:open', {})
  const withLine = await callOk(core, owner, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
  const paidCart = await callOk(core, owner, 'cart:open', {})
  known = [cart.id, withLine.lines[0]!.id, GOODS.cola.sku, GOODS.rice.barcodes[0]!, 'SAVE10']
  void paidCart
  watcher = new BetterSqlite3(`${shop.dataDir}/kassa.sqlite`, { readonly: true })
}, 60_000)

afterAll(() => {
  watcher?.close()
  shop?.close()
})

/** Changes whenever another connection (the core's) commits a write. */
const dataVersion = (): number => watcher.pragma('data_version', { simple: true }) as number

const oddStrings = fc.oneof(
  // Text no person types: a NUL once reached SQLite's full-text search as INTERNAL.
  {
    weight: 3,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', 'cola\u0000', '\uD800', 'x\uDC00y', 'T01\uD83D')
  },
  // Lenient numbers and impossible dates.
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ' 12.5 ',
      '12.5\n',
      '1e3',
      '+1',
      '.5',
      '-0',
      '0.001',
      '99999999999999999999',
      '2026-02-30',
      '2026-13-01'
    )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'x'.repeat(5000),
      '😀',
      '<script>',
      "'; DROP TABLE orders; --",
      '../../etc/passwd',
      'null',
      '6225880000001231',
      '2026-11-25T08:00:00.000Z'
    )
  }
)

type Mode = 'plausible' | 'odd'

const plausibleStrings = (): fc.Arbitrary<string> =>
  fc.constantFrom(
    ...known,
    '1',
    '2',
    '3.50',
    '0.1',
    '100',
    'ab',
    'cola',
    '2026-11-25',
    'T01',
    'owner',
    '1234'
  )

/**
 * Values for a schema node. `plausible` values are of the node's own kind and often valid, so
 * a call gets past the fields it does not fuzz; `odd` ones are what an attacker would send.
 * Each object fuzzes one of its fields at a time (see `objectFor`), reaching deep into handlers.
 */
function valueFor(schema: z.ZodType, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  const inner = (key: string): z.ZodType => def[key] as z.ZodType
  const stray = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    oddStrings,
    fc.constant({})
  )
  if (depth > 5) return stray
  const odd = mode === 'odd'
  switch (def.type) {
    case 'string':
      return odd
        ? fc.oneof(
            { weight: 6, arbitrary: oddStrings },
            { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
            { weight: 1, arbitrary: stray }
          )
        : plausibleStrings()
    case 'number':
      return odd
        ? fc.oneof(fc.constantFrom(-1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, NaN), fc.double(), stray)
        : fc.integer({ min: 0, max: 20 })
    case 'boolean':
      return odd ? stray : fc.boolean()
    case 'literal':
      return odd ? stray : fc.constantFrom(...(def.values as unknown[]))
    case 'enum': {
      const values = fc.constantFrom(...Object.values(def.entries as Record<string, unknown>))
      return odd ? fc.oneof(oddStrings, stray) : values
    }
    case 'optional':
    case 'default':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return odd
        ? valueFor(inner('innerType'), mode, depth)
        : fc.oneof(
            { weight: 2, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: valueFor(inner('innerType'), mode, depth) }
          )
    case 'nullable':
      return odd
        ? valueFor(inner('innerType'), mode, depth)
        : fc.oneof(fc.constant(null), valueFor(inner('innerType'), mode, depth))
    case 'pipe':
      return valueFor(inner('in'), mode, depth)
    case 'array': {
      const items = fc.array(valueFor(inner('element'), mode, depth + 1), {
        minLength: 1,
        maxLength: odd ? 3 : 2
      })
      return odd ? fc.oneof(items, stray, fc.constant([])) : items
    }
    case 'record':
      return fc.dictionary(
        odd
          ? fc.oneof(oddStrings, fc.constantFrom('n10000', 'c50'))
          : fc.constantFrom('n10000', 'c50', 'n100'),
        valueFor(inner('valueType'), mode, depth + 1),
        { maxKeys: 3 }
      )
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => valueFor(option, mode, depth + 1)))
    case 'object':
      return objectFor(def.shape as Record<string, z.ZodType>, mode, depth)
    default:
      return odd ? fc.anything({ maxDepth: 1 }) : fc.constant(undefined)
  }
}

/** An object of `shape`: plausible fields, one of them (in odd mode) fuzzed, sometimes an unknown key. */
function objectFor(
  shape: Record<string, z.ZodType>,
  mode: Mode,
  depth: number
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(shape)
  const build = (target: string | null) => {
    const fields = Object.fromEntries(
      keys.map((key) => [key, valueFor(shape[key]!, key === target ? 'odd' : 'plausible', depth + 1)])
    )
    return fc
      .tuple(
        fc.record(fields),
        mode === 'odd'
          ? fc.option(fc.constantFrom('extra', '__proto__', 'constructor'), { freq: 10 })
          : fc.constant(null)
      )
      .map(([value, extra]) => {
        const out: Record<string, unknown> = {}
        for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v
        if (extra) out[extra] = 'x'
        return out
      })
  }
  if (mode === 'plausible' || keys.length === 0) return build(null)
  return fc.constantFrom(...keys, null).chain(build)
}

/** The keys a VALIDATION may name at the top: the input's own, the schema's, or the override. */
function rootKeys(channel: ChannelName, input: Record<string, unknown>): Set<string> {
  const def = (contract[channel].input as unknown as { _zod: { def: { type: string; shape?: object } } })._zod
    .def
  return new Set([...Object.keys(input), ...Object.keys(def.shape ?? {}), 'override'])
}

const channels = Object.keys(contract) as ChannelName[]
// Signing out or locking the owner is a legitimate answer; the fuzz keeps its session open.
const SESSION_ENDING = new Set<ChannelName>([
  'auth:logout',
  'auth:lock',
  'auth:switch',
  'auth:login',
  'auth:unlock'
])
// A refused sign-in is audited by design (auth.failed), so it is allowed to write.
const AUDITS_REFUSALS = new Set<ChannelName>([
  'auth:login',
  'auth:unlock',
  'auth:switch',
  'auth:setup',
  'profile:update'
])

describe('the whole contract under fuzz', () => {
  it(`answers ${CALLS.toLocaleString('en')} odd calls over every channel with no crash, no INTERNAL, fields named and nothing written when refused`, async () => {
    const { core } = shop
    const session = shop.owner
    const seen = new Map<ChannelName, number>()
    const problems: string[] = []
    const arbitrary = fc.constantFrom(...channels).chain((channel) => {
      const shape = (
        contract[channel].input as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } }
      )._zod.def.shape
      const input = shape
        ? objectFor(shape, 'odd', 0)
        : valueFor(contract[channel].input, 'odd').map((v) => (typeof v === 'object' && v ? v : {}))
      return fc.tuple(fc.constant(channel), input as fc.Arbitrary<Record<string, unknown>>)
    })

    await fc.assert(
      fc.asyncProperty(arbitrary, async ([channel, input]) => {
        seen.set(channel, (seen.get(channel) ?? 0) + 1)
        const before = dataVersion()
        let result: Result<unknown>
        try {
          result = await core.router.dispatch(channel, input, { sessionId: session })
        } catch (error) {
          problems.push(`${channel} threw ${String(error)}`)
          return
        }
        if (!result.ok) {
          const error: ApiError = result.error
          if (error.code === 'INTERNAL')
            problems.push(`${channel} INTERNAL for ${JSON.stringify(input).slice(0, 200)}`)
          if (error.code === 'VALIDATION') {
            const root = (error.field ?? '').split(/[.[]/)[0] ?? ''
            if (!root || !rootKeys(channel, input).has(root))
              problems.push(`${channel} VALIDATION names no input field (${error.field}: ${error.message})`)
          }
          if (!AUDITS_REFUSALS.has(channel) && dataVersion() !== before)
            problems.push(`${channel} refused (${error.code} ${error.message}) but wrote`)
        }
        if (SESSION_ENDING.has(channel)) {
          const status = await callOk(core, session, 'auth:status', {})
          if (status.state !== 'active' || status.user?.username !== OWNER.username)
            await callOk(core, session, 'auth:login', { username: OWNER.username, password: OWNER.password })
        }
        expect(problems.slice(0, 5)).toEqual([])
      }),
      { numRuns: CALLS, seed: 11, endOnFailure: true }
    )
    expect(problems).toEqual([])
    expect(channels.filter((channel) => !seen.has(channel))).toEqual([])
  }, 600_000)
})
