import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/main/store/canonical-json'
import { AUDIT_GENESIS_HASH, auditHash } from '../../../src/main/store/repos/audit-repo'

// Audit hashes already stored in tills' files must still verify after canonicalJson and auditHash
// were rewritten for speed (issue 12): both are held to the first implementation, kept here.
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${firstCanonicalJson(inner)}`).join(',')}}`
}

// eslint-disable-next-line no-sparse-arrays
const sparse = [1, , 3]
const values: unknown[] = [
  null,
  undefined,
  0,
  -12.5,
  'text with "quotes", \\ and 中文',
  true,
  [],
  {},
  [1, 'two', null, undefined, { b: 1, a: 2 }],
  sparse,
  { z: 1, a: undefined, m: [{ y: 'y', x: 'x' }], é: 2, E: 3, _: 4, '10': 5, '9': 6 },
  { number: 'T01-000042', total: 15700, change: 4300, methods: ['cash', 'card'] },
  { nested: { deeper: { deepest: [new Date(0), { k: null }] } }, when: new Date(0) },
  { '\ud83d\ude00': 'emoji key', '\uffff': 'last', '\u0000': 'first' }
]

describe('canonicalJson', () => {
  it('writes every value exactly as the first implementation did', () => {
    for (const value of values) expect(canonicalJson(value)).toBe(firstCanonicalJson(value))
  })

  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: { d: 1, c: undefined, a: [2, { z: 0, y: 1 }] }, a: 0 })).toBe(
      '{"a":0,"b":{"a":[2,{"y":1,"z":0}],"d":1}}'
    )
  })
})

describe('auditHash', () => {
  it('is SHA-256 of the previous hash, a newline and the canonical entry, as stored chains were hashed', () => {
    const entry = {
      id: '019ad3c1-0000-7000-8000-000000000000',
      at: '2026-11-30T03:50:00.000Z',
      actorUserId: 'u1',
      approverUserId: null,
      action: 'order.paid',
      subject: 'o1',
      details: { number: 'T01-000001', total: 3450, change: 6550, methods: ['cash'], note: '收银' }
    }
    for (const prev of [AUDIT_GENESIS_HASH, 'ab'.repeat(32)]) {
      const expected = createHash('sha256')
        .update(prev)
        .update('\n')
        .update(firstCanonicalJson(entry))
        .digest('hex')
      expect(auditHash(prev, entry)).toBe(expected)
    }
  })
})
