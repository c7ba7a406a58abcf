/**
 * Tells a keyboard-wedge scanner from a person, by timing alone (issue 10, item 1).
 *
 * A wedge scanner "types" a code as key events a few milliseconds apart and ends it with
 * Enter; a person, even a fast typist, leaves 60–200 ms between keys, and a hand never
 * types 6+ keys under 35 ms apart. Thresholds (measured on counter scanners, which send a
 * key every 2–15 ms, and checked against Playwright's `keyboard.type(…, { delay: 5 })`):
 *
 * - `MAX_GAP_MS` = 35: the longest pause between two keys of one burst;
 * - `MIN_LENGTH` = 6: the shortest code taken for a scan (EAN-8 is 8, SKUs are 6+);
 *   shorter runs are left to the field ("3*" is a quantity prefix, "12" a quantity);
 * - `MAX_ENTER_GAP_MS` = 80: Enter must follow the last character this fast.
 *
 * The detector only decides; `useScanBursts` (scanner.ts) intercepts at capture phase,
 * restores the field the burst typed into and hands the code to the scan handler.
 */
export const BURST = { MAX_GAP_MS: 35, MIN_LENGTH: 6, MAX_ENTER_GAP_MS: 80 } as const

/** A key the detector is shown; `at` in milliseconds (the event's timeStamp). */
export interface BurstKey {
  key: string
  at: number
  /** A modifier other than Shift was held: never part of a scan. */
  modified: boolean
}

export type BurstVerdict =
  /** Not (yet) a scan: let the key do what it does. */
  | { kind: 'pass' }
  /** An Enter that ends a burst: swallow it and scan `code`. */
  | { kind: 'scan'; code: string }

/** The scanner's code alphabet: digits, letters and the few signs in SKUs. */
const CODE_CHAR = /^[0-9A-Za-z\-_.]$/

export class BurstDetector {
  private chars = ''
  private last = -Infinity

  /** Feeds one keydown; the answer says whether it ends a scan. */
  feed({ key, at, modified }: BurstKey): BurstVerdict {
    const gap = at - this.last
    if (key === 'Enter') {
      const code = this.chars
      const isScan = code.length >= BURST.MIN_LENGTH && gap <= BURST.MAX_ENTER_GAP_MS
      this.reset()
      return isScan ? { kind: 'scan', code } : { kind: 'pass' }
    }
    if (modified || !CODE_CHAR.test(key)) {
      if (key !== 'Shift') this.reset()
      return { kind: 'pass' }
    }
    // A slow key starts a new run: what came before was a person typing.
    this.chars = gap > BURST.MAX_GAP_MS ? key : this.chars + key
    this.last = at
    return { kind: 'pass' }
  }

  /** The characters of the run in progress; length 1 right after a key that started a run. */
  get pending(): string {
    return this.chars
  }

  reset(): void {
    this.chars = ''
    this.last = -Infinity
  }
}
