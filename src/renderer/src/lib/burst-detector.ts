/**
 * Tells a keyboard-wedge scanner from a person, by timing alone (issue 10, item 1).
 *
 * A wedge scanner "types" a code as key events a few milliseconds apart (2–15 ms on counter
 * scanners) and ends it with Enter; a person, even a fast typist, averages 80–200 ms between
 * keys and cannot keep up 16 keys a second over six keys. A busy machine can deliver a scanner's keys in clumps (one late by 100 ms, the next
 * ones at once), so the rule is on the run's average, with a cap on any single gap:
 *
 * - `MIN_LENGTH` = 6: the shortest code taken for a scan (EAN-8 is 8, SKUs are 6+);
 *   shorter runs are left to the field ("3*" is a quantity prefix, "12" a quantity);
 * - `MAX_GAP_MS` = 350: a longer pause (Enter included) ends any run: keys before it were
 *   a person's (who pauses to pick up the scanner after typing "ab" in a search). Single
 *   slow gaps inside a run are tolerated: a loaded machine delivers keys late, in clumps,
 *   and the first keys of a burst are often the slowest;
 * - `MAX_AVG_GAP_MS` = 60: the run's average gap, Enter included; the oldest keys are left
 *   out while the average is slower. Six keys averaging under 60 ms are past any typist.
 * - `LEAD_GAP_RATIO` = 3: a pause before the rest of a run at least this many times the rest's
 *   own average gap (and longer than `MAX_AVG_GAP_MS`) ends a person's keys and starts the
 *   scanner's. A scanner's keys come 2–15 ms apart, so any pause of a person's qualifies; the
 *   ratio keeps the rule when a busy machine slows the whole burst down to 30–40 ms a key.
 *
 * The detector only decides; `installScanBursts` (scanner.ts) intercepts at capture phase,
 * restores the field the burst typed into and hands the code to the scan handler.
 */
export const BURST = { MIN_LENGTH: 6, MAX_GAP_MS: 350, MAX_AVG_GAP_MS: 60, LEAD_GAP_RATIO: 3 } as const

/** A key the detector is shown; `at` in milliseconds (the event's timeStamp). */
export interface BurstKey<T = unknown> {
  key: string
  at: number
  /** A modifier other than Shift was held: never part of a scan. */
  modified: boolean
  /** What the caller wants back for the run's first key (the field's value before it). */
  before?: T
}

export type BurstVerdict<T = unknown> =
  /** Not a scan: let the key do what it does. */
  | { kind: 'pass' }
  /** An Enter that ends a burst: swallow it and scan `code`; `before` is its first key's. */
  | {
      kind: 'scan'
      code: string
      before: T | undefined
      /** The run before keys typed by a person were cut from it, when they were. */
      whole?: string
    }

/**
 * True when `code` is a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) whose last digit is its check
 * digit (GS1 General Specifications §7.9: weights 3,1,3… from the right, excluding the check).
 */
export function isGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false
  const digits = [...code].map(Number)
  const check = digits.pop()!
  const sum = digits.reverse().reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 3 : 1), 0)
  return (10 - (sum % 10)) % 10 === check
}

/**
 * A person's key just before a scan ("3" or "a" typed, then the scanner fired within the pause
 * limit) is told apart by timing: the person's keys come slower than `MAX_AVG_GAP_MS` apart
 * and are followed by a run `LEAD_GAP_RATIO` times faster (its average gap, Enter included),
 * so they are cut off whatever the code's form (an SKU, an internal code, a GTIN).
 * A GTIN is also told by its check digit: a whole run that checks is kept (a busy machine's
 * late first keys), and a typed lead before one that checks is cut even at a slower pace.
 *
 * A check digit alone cannot place the cut before a "0": a GTIN with a 0 in front still checks
 * (EAN-13 `0…` is a UPC-A, "0" + an EAN-13 a GTIN-14), so "50" typed into the cash amount just
 * before a scan was cut after the "5" and the amount became "5" (found at the counter). Of the
 * cuts whose rest checks, a later one wins when the keys between are 0s each followed by a
 * person's pause. A scanner's own first key delivered late, when it is a "0", looks the same as
 * a person's "0": it is left in the field (what a person typed is never taken; the code, looked
 * up by its normalised GTIN, is the same product either way).
 *
 * Keys a scanner delivered in a clump after a hiccup are never cut: the keys before the
 * hiccup came at the scanner's pace, not a person's. One late first key is indistinguishable
 * from a person's by timing alone: the caller gets the whole run too (`whole`) and may look
 * it up when the cut code is unknown.
 *
 * @example "a" at 0 ms, then "SKU-1001" 5 ms apart from 150 ms, Enter → "SKU-1001" (whole "aSKU-1001")
 * @example "5" at 0, "0" at 100, then "6923456080140" 5 ms apart from 300, Enter → "6923456080140"
 */
function withoutTypedLead<K extends { key: string; at: number }>(run: K[], enterAt: number): K[] {
  const code = run.map((k) => k.key).join('')
  const slow = (i: number): boolean => run[i]!.at - run[i - 1]!.at > BURST.MAX_AVG_GAP_MS
  // A person's 0s between two cuts that both check: each key a 0, each followed by a pause.
  const typedZeros = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (run[k]!.key !== '0' || !slow(k + 1)) return false
    return true
  }
  // A GTIN's check digit settles it: the whole run, or the rest after any slow gap, that checks
  // is the scan (so a hiccup inside the scanner's own keys does not move the cut).
  let cut = -1
  for (let at = 0; run.length - at >= BURST.MIN_LENGTH; at++)
    if ((at === 0 || slow(at)) && isGtin(code.slice(at)) && (cut < 0 || typedZeros(cut, at))) cut = at
  if (cut >= 0) return run.slice(cut)
  // The lead: the first keys, each followed by a person's pause; the scan starts after it.
  let i = 1
  while (i + 1 < run.length && slow(i) && slow(i + 1)) i++
  if (!slow(i) || run.length - i < BURST.MIN_LENGTH) return run
  const rest = run.slice(i)
  const restAverage = (enterAt - rest[0]!.at) / rest.length
  const pause = rest[0]!.at - run[i - 1]!.at
  return pause >= BURST.LEAD_GAP_RATIO * restAverage ? rest : run
}

/** The scanner's code alphabet: digits, letters and the few signs in SKUs. */
const CODE_CHAR = /^[0-9A-Za-z\-_.]$/

export class BurstDetector<T = unknown> {
  private keys: Array<{ key: string; at: number; before: T | undefined }> = []

  /** Feeds one keydown; the answer says whether it ends a scan. */
  feed({ key, at, modified, before }: BurstKey<T>): BurstVerdict<T> {
    if (key === 'Enter') {
      const verdict = this.judge(at)
      this.keys = []
      return verdict
    }
    if (modified || !CODE_CHAR.test(key)) {
      if (key !== 'Shift') this.keys = []
      return { kind: 'pass' }
    }
    const last = this.keys.at(-1)
    if (last && at - last.at > BURST.MAX_GAP_MS) this.keys = []
    this.keys.push({ key, at, before })
    return { kind: 'pass' }
  }

  private judge(enterAt: number): BurstVerdict<T> {
    const last = this.keys.at(-1)
    if (!last || enterAt - last.at > BURST.MAX_GAP_MS) return { kind: 'pass' }
    let run = this.keys
    // Average gap over the run, Enter included: (enter − first key) / keys.
    const average = (keys: typeof run): number => (enterAt - keys[0]!.at) / keys.length
    while (run.length >= BURST.MIN_LENGTH && average(run) > BURST.MAX_AVG_GAP_MS) run = run.slice(1)
    if (run.length < BURST.MIN_LENGTH) return { kind: 'pass' }
    const whole = run.map((k) => k.key).join('')
    run = withoutTypedLead(run, enterAt)
    const code = run.map((k) => k.key).join('')
    return { kind: 'scan', code, before: run[0]!.before, ...(code !== whole ? { whole } : {}) }
  }

  reset(): void {
    this.keys = []
  }
}
