/**
 * A small deterministic generator (sfc32) for everything the sandbox makes up: provider trade
 * numbers, notification ids, nonces. Given the same seed and the same requests, a failing run
 * replays exactly; `Math.random` would not.
 */
export interface SeededRandom {
  /** An integer in [0, 2^32). */
  next(): number
  /** An integer in [0, bound). */
  below(bound: number): number
  digits(count: number): string
  /** Base62, like both providers' nonces. */
  alphanumeric(count: number): string
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function createSeededRandom(seed: number): SeededRandom {
  let a = 0x9e3779b9
  let b = 0x243f6a88
  let c = 0xb7e15162
  let d = seed >>> 0
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // Warm up so nearby seeds diverge.
  for (let i = 0; i < 15; i++) next()
  const below = (bound: number): number => next() % bound
  return {
    next,
    below,
    digits: (count) => Array.from({ length: count }, () => String(below(10))).join(''),
    alphanumeric: (count) => Array.from({ length: count }, () => ALPHABET[below(ALPHABET.length)]).join('')
  }
}
