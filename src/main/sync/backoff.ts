// The sync's retry schedule (issue 14: exponential backoff with full jitter, 1 s to 60 s).

/**
 * The wait before retry number `failures` (1, 2, …): full jitter, uniform between `minMs` and
 * min(`maxMs`, `minMs` × 2^(failures − 1)), from `roll` in [0, 1).
 *
 * @example backoffDelay(1, 0.99, { minMs: 1000, maxMs: 60_000 }) // 1000; failure 7 and on: up to 60,000
 */
export function backoffDelay(
  failures: number,
  roll: number,
  bounds: { minMs: number; maxMs: number }
): number {
  const cap = Math.min(bounds.maxMs, bounds.minMs * 2 ** Math.max(0, failures - 1))
  return bounds.minMs + Math.floor(roll * Math.max(0, cap - bounds.minMs))
}
