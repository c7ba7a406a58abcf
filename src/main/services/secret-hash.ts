import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt cost: N=2^15 keeps one check near 50–100 ms on a till — slow for a guesser, quick for a person. */
export interface HashParams {
  N: number
  r: number
  p: number
}

export const DEFAULT_HASH_PARAMS: HashParams = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_BYTES = 16

function derive(secret: string, salt: Buffer, params: HashParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 }
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  )
}

/**
 * Hashes a password or PIN with scrypt and a fresh random salt, as
 * `scrypt$N$r$p$salt$key` (base64url), so the cost can rise later without a migration.
 */
export async function hashSecret(secret: string, params: HashParams = DEFAULT_HASH_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(secret, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$'
  )
}

/** Whether `secret` matches `stored`, compared in constant time. A malformed hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false
  const expected = Buffer.from(parts[5]!, 'base64url')
  const key = await derive(secret, Buffer.from(parts[4]!, 'base64url'), { N, r, p })
  return expected.length === key.length && timingSafeEqual(expected, key)
}

let dummyHash: Promise<string> | null = null

/**
 * Spends the same time as a real check, for an unknown username, so response times do not
 * tell a guesser which usernames exist.
 */
export async function burnVerify(secret: string): Promise<false> {
  dummyHash ??= hashSecret('kassa-dummy-secret')
  await verifySecret(secret, await dummyHash)
  return false
}
