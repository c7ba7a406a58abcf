/** Seconds with one decimal and a sign only when it rounds away from zero (never "-0.0"). */
export function offsetSeconds(ms: number): string {
  // A time, not money: toFixed's rounding is fine; only the sign of a zero is dropped.
  const text = (ms / 1000).toFixed(1)
  return text === '-0.0' ? '0.0' : text
}
