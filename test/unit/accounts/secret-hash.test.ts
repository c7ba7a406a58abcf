import { describe, expect, it } from 'vitest'
import { DEFAULT_HASH_PARAMS, hashSecret, verifySecret } from '../../../src/main/services/secret-hash'

describe('scrypt hashing of passwords and PINs', () => {
  it('stores scrypt parameters, a salt and a key — never the secret', async () => {
    const hash = await hashSecret('correct horse')
    const [scheme, N, r, p, salt, key] = hash.split('$')
    expect(scheme).toBe('scrypt')
    expect([Number(N), Number(r), Number(p)]).toEqual([
      DEFAULT_HASH_PARAMS.N,
      DEFAULT_HASH_PARAMS.r,
      DEFAULT_HASH_PARAMS.p
    ])
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16)
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32)
    expect(hash).not.toContain('correct horse')
  })

  it('salts every hash, so the same PIN hashes differently for two people', async () => {
    const a = await hashSecret('1234', { N: 1024, r: 8, p: 1 })
    const b = await hashSecret('1234', { N: 1024, r: 8, p: 1 })
    expect(a).not.toBe(b)
    expect(await verifySecret('1234', a)).toBe(true)
    expect(await verifySecret('1234', b)).toBe(true)
  })

  it('accepts only the exact secret', async () => {
    const hash = await hashSecret('owner-pass-1', { N: 1024, r: 8, p: 1 })
    expect(await verifySecret('owner-pass-1', hash)).toBe(true)
    expect(await verifySecret('owner-pass-2', hash)).toBe(false)
    expect(await verifySecret('Owner-pass-1', hash)).toBe(false)
    expect(await verifySecret('', hash)).toBe(false)
  })

  it('verifies with the parameters stored in the hash, so the cost can rise later', async () => {
    const cheap = await hashSecret('pin-9876', { N: 512, r: 4, p: 1 })
    expect(await verifySecret('pin-9876', cheap)).toBe(true)
  })

  it('treats a full-width digit PIN typed on a CJK keyboard as the same PIN (NFKC)', async () => {
    const hash = await hashSecret('2468', { N: 1024, r: 8, p: 1 })
    expect(await verifySecret('２４６８', hash)).toBe(true)
  })

  it.each([
    ['plain'],
    ['scrypt$1024$8$1$c2FsdA'],
    ['bcrypt$1$2$3$4$5'],
    ['scrypt$x$8$1$c2FsdA$a2V5'],
    ['scrypt$1024$8$1$c2FsdA$']
  ])('never matches a malformed hash (%s)', async (stored) => {
    expect(await verifySecret('anything', stored)).toBe(false)
  })
})
