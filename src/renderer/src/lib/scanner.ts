import { useEffect, useRef } from 'react'
import { BURST, BurstDetector } from './burst-detector'

/**
 * The app's one keyboard-wedge scanner (issue 10, item 1). A burst — fast keys ending in
 * Enter, see `BURST` — reaches the scan handler from anywhere, even from inside a money,
 * quantity, price, discount, PIN or coupon field: the Enter is swallowed at capture phase
 * (so no form submits, no sale commits), the field gets back the value it had before the
 * burst began, and the code goes to the screen's scan handler.
 *
 * A field that is *meant* to take a scanner's code (the scan bar, a customer's payment code)
 * says so with `data-scan-target`: the Enter is left to the field, which may ask `takeBurst`
 * for the code the detector heard (the box may also hold what a person typed before).
 */

/**
 * Takes a scanned code. `whole` is the run as heard when keys a person typed just before the
 * scan were cut from it (see `withoutTypedLead`): worth a look-up only when `code` is unknown.
 */
type ScanHandler = (code: string, whole?: string) => void

/**
 * Sent on the window (detail: the code) when a burst was swallowed on a screen that takes no
 * scans (shift count, settings, the lock screen): `ScanRefusedNotice` says so.
 */
export const SCAN_REFUSED = 'kassa:scan-refused'

const handlers: ScanHandler[] = []

/** The burst the detector heard end in a scan-target field, for that field's own Enter. */
let heard: { field: EventTarget; code: string } | null = null

/**
 * The scanner's code if the Enter now being handled in `field` ended a burst, else null.
 * Call it from the field's keydown handler for Enter; the answer is given once.
 */
export function takeBurst(field: EventTarget): string | null {
  const burst = heard
  heard = null
  return burst && burst.field === field ? burst.code : null
}

/**
 * A field as it was just before one key landed in it (`field` null when the key landed in no
 * text field), and when: the burst's first key says from when fields are given back.
 */
interface Snapshot {
  field: HTMLInputElement | HTMLTextAreaElement | null
  value: string
  at: number
}

const isTextField = (target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))

/** Sets a field's value the way a person's edit would, so React's state follows. */
function restore(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  if (field.value === value) return
  const proto =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value)
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * Gives back every field the burst typed into, each as it was before the burst's first key in
 * it. Not only the field the burst began in: the focus can move while a scanner sends (a click
 * into a count box as the scanner fires, a screen focusing its own field), and the keys after
 * the move were left in the new field as a count (found on the close-shift count).
 */
function restoreTouched(keys: Snapshot[], from: number, except: EventTarget | null): void {
  const first = new Map<HTMLInputElement | HTMLTextAreaElement, string>()
  for (const key of keys)
    if (key.at >= from && key.field && key.field !== except && !first.has(key.field))
      first.set(key.field, key.value)
  for (const [field, value] of first) restore(field, value)
}

/**
 * Listens on `target` (the window) at capture phase; returns the function that stops it.
 * Exported for the unit test, which drives it with synthetic key events.
 */
export function installScanBursts(
  target: Window,
  detector = new BurstDetector<Snapshot>(),
  handler: () => ScanHandler | undefined = () => handlers.at(-1)
): () => void {
  // The keys since the last Enter, each with the field it landed in as it was before it.
  let typed: Snapshot[] = []
  const onKey = (event: KeyboardEvent): void => {
    const field = event.target
    // Each key remembers the field as it was before the key lands in it, so the burst's
    // keys can be taken back out of every field they reached.
    const before: Snapshot = isTextField(field)
      ? { field, value: field.value, at: event.timeStamp }
      : { field: null, value: '', at: event.timeStamp }
    const verdict = detector.feed({
      key: event.key,
      at: event.timeStamp,
      modified: event.ctrlKey || event.altKey || event.metaKey,
      before
    })
    const last = typed.at(-1)
    if (last && event.timeStamp - last.at > BURST.MAX_GAP_MS) typed = []
    if (event.key !== 'Enter') {
      typed.push(before)
      return
    }
    heard = null
    const keys = typed
    typed = []
    if (verdict.kind !== 'scan') return
    const from = verdict.before?.at ?? -Infinity
    const element = field instanceof Element ? field : null
    if (element?.closest('[data-scan-target]')) {
      // The scan-target field keeps its text for its own Enter (it takes the code off the end).
      restoreTouched(keys, from, field)
      if (field) heard = { field, code: verdict.code }
      return
    }
    restoreTouched(keys, from, null)
    // Swallowed whether or not a screen takes scans: a code is never a count, a PIN or an
    // amount, and its Enter never submits the form it was typed into (close shift, approve).
    event.preventDefault()
    event.stopPropagation()
    const scan = handler()
    if (scan) scan(verdict.code, verdict.whole)
    else target.dispatchEvent(new CustomEvent<string>(SCAN_REFUSED, { detail: verdict.code }))
  }

  target.addEventListener('keydown', onKey, { capture: true })
  return () => target.removeEventListener('keydown', onKey, { capture: true })
}

/** Installs the interceptor once, at the top of the app. */
export function useScanBursts(): void {
  useEffect(() => installScanBursts(window), [])
}

/**
 * Makes `onScan` the scan handler while the calling screen is mounted (the newest caller
 * wins). Scan-target fields (the scan bar) keep handling their own Enter.
 */
export function useBarcodeScanner(onScan: ScanHandler): void {
  const handler = useRef(onScan)
  useEffect(() => {
    handler.current = onScan
  }, [onScan])
  useEffect(() => {
    const entry: ScanHandler = (code, whole) => handler.current(code, whole)
    handlers.push(entry)
    return () => {
      const index = handlers.indexOf(entry)
      if (index >= 0) handlers.splice(index, 1)
    }
  }, [])
}
