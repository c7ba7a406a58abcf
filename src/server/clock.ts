/** The head office's clock, injectable so tests can move it. */
export interface HqClock {
  now(): Date
}

export const systemHqClock: HqClock = { now: () => new Date() }
