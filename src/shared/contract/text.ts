import { z } from 'zod'
import { scanDecimal, type DecimalScan } from '../money/decimal-scan'
import { NOT_A_DECIMAL } from '../money/messages'
import { validationText } from '../validation/messages'

// Every string that enters through the contract is built here, so each one is refused in the
// same words on every transport (IPC, web mode, the CLI): well-formed text of a bounded length,
// exact decimals, real calendar dates. A NUL in a search or a lone surrogate in a trade number
// once reached SQLite and the providers' SDKs and came back as INTERNAL (issue 11).

/** The longest string a field takes unless it says otherwise (names, notes, keys are far shorter). */
export const TEXT_MAX = 1000
export const MALFORMED_TEXT = 'must be plain text (no NUL character or broken Unicode)'
export const NOT_A_DATE = 'must be a real date such as 2026-11-25'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether `value` is text a person could have typed: no NUL, no lone UTF-16 surrogate. */
export function isWellFormedText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value)
}

/**
 * A string field: well-formed text of at most `max` characters (default `TEXT_MAX`), trimmed
 * first when `trim`. Chain `.min()`, `.regex()` on it as on `z.string()`, but give a field's own
 * limit as `max` here, never as a chained `.max()`: zod reports every failed check and the first
 * one is shown, so a chained tighter limit lost to `TEXT_MAX` ("must be at most 1000 characters"
 * for a 120-character product name).
 */
export function text(options: { error?: string; max?: number; tooLong?: string; trim?: boolean } = {}) {
  const max = options.max ?? TEXT_MAX
  const base = z.string(options.error === undefined ? undefined : { error: options.error })
  return (options.trim ? base.trim() : base)
    .max(max, options.tooLong ?? `must be at most ${max} characters`)
    .refine(isWellFormedText, MALFORMED_TEXT)
}

/**
 * An exact decimal string, as typed: no padding, no trailing newline, no exponent, no `+`
 * (`"12.50"`, not `" 12.5 "` nor `"12.5\n"`), refused with `check`'s reason when it reads
 * but is out of range. The same scan and reasons as `kassa quote` (`src/shared/schemas`).
 */
export function decimalText(
  check: (scan: DecimalScan) => string | undefined,
  options: { error?: string } = {}
) {
  return z
    .string(options.error === undefined ? undefined : { error: options.error })
    .max(40, 'is too long')
    .superRefine((value, ctx) => {
      const scan = scanDecimal(value)
      const problem = scan === undefined ? NOT_A_DECIMAL : check(scan)
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
    })
}

/** The days a date field takes: the epoch to the year 2999 (a day past it is no business day). */
export const DATE_MIN = '1970-01-01'
export const DATE_MAX = '2999-12-31'

/** Whether `value` is a date `YYYY-MM-DD` the calendar has (no 2026-02-30), whatever its year. */
function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const at = new Date(Date.UTC(2000, month - 1, day))
  at.setUTCFullYear(year)
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day
}

/** Whether `value` is a real calendar date `YYYY-MM-DD` (no 2026-02-30) from DATE_MIN to DATE_MAX. */
export function isCalendarDate(value: string): boolean {
  return isRealDate(value) && value >= DATE_MIN && value <= DATE_MAX
}

/**
 * A calendar date `YYYY-MM-DD` that exists, refused with `message` when it does not and with the
 * keyed `range` reason when it does but lies outside DATE_MIN…DATE_MAX (`9999-12-31` is a real
 * date: calling it not one sent people looking for a typo).
 */
export function calendarDate(message = NOT_A_DATE) {
  return z
    .string({ error: message })
    .max(10, message)
    .superRefine((value, ctx) => {
      if (!isRealDate(value)) ctx.addIssue({ code: 'custom', message })
      else if (!isCalendarDate(value)) {
        const params = { minimum: DATE_MIN, maximum: DATE_MAX }
        ctx.addIssue({
          code: 'custom',
          message: validationText('range', params),
          params: { key: 'errors.validation.range', ...params }
        })
      }
    })
}

/**
 * A real date, or a date and UTC time (`2026-11-25` or `2026-11-25T08:00:00.000Z`), as the
 * history filters take.
 */
export function dateOrInstant(message = NOT_A_DATE) {
  return z
    .string({ error: message })
    .max(30, message)
    .refine((value) => {
      const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/.exec(value)
      if (!match || !isCalendarDate(match[1]!)) return false
      return match[2] === undefined || !Number.isNaN(Date.parse(value))
    }, message)
}
