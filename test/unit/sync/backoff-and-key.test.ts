import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/main/sync/backoff'
import { keyFilePath, loadTillKey, saveTillKey, type SecretProtector } from '../../../src/main/sync/key-store'
import { tempDir } from '../../support/temp-dir'

const BOUNDS = { minMs: 1000, maxMs: 60_000 }

describe('backoffDelay', () => {
  it('stays within 1 s and a cap that doubles per failure up to 60 s, jittered over the whole range', () => {
    expect(backoffDelay(1, 0.999, BOUNDS)).toBe(1000)
    expect(backoffDelay(2, 0, BOUNDS)).toBe(1000)
    expect(backoffDelay(2, 0.5, BOUNDS)).toBe(1500)
    expect(backoffDelay(3, 0.999, BOUNDS)).toBe(3997)
    for (const failures of [7, 8, 20, 1000]) {
      expect(backoffDelay(failures, 0, BOUNDS)).toBe(1000)
      expect(backoffDelay(failures, 0.9999999, BOUNDS)).toBe(59_999)
    }
  })
})

describe('the till key file', () => {
  const pair = { publicKey: 'pub-key', privateKey: 'MC4CAQAwBQYDK2VwBCIEI-private' }

  it('is written with mode 0600 and read back', () => {
    const dir = tempDir()
    saveTillKey(dir, pair)
    expect(statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600)
    expect(loadTillKey(dir)).toEqual(pair)
  })

  it('is sealed by a protector (safeStorage): the private key is not in the file, and only that protector opens it', () => {
    const dir = tempDir()
    const protector: SecretProtector = {
      kind: 'safeStorage',
      encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
      decrypt: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString()
    }
    saveTillKey(dir, pair, protector)
    expect(readFileSync(keyFilePath(dir), 'utf8')).not.toContain(pair.privateKey)
    expect(loadTillKey(dir, protector)).toEqual(pair)
    expect(() => loadTillKey(dir)).toThrow(/sealed with safeStorage/)
  })
})
