/** The head office's clock, injectable so tests can move it. */
export interface HqClock {
  now(): Date
}

export const systemHqClock: HqClock = { now: () => new Date() }

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (YYYY-MM-DD) of `iso` in the IANA `timeZone`: a store's business day. */
export function localDate(iso: string, timeZone: string): string {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, format)
  }
  return format.format(new Date(iso))
}
