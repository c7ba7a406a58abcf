/** Time comes in through this, so services and tests agree on "now". */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests can move by hand. */
export function manualClock(
  start: Date | string
): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
    set: (at) => {
      current = new Date(at).getTime()
    }
  }
}
