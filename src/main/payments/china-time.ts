/**
 * Both providers speak Beijing time (UTC+8, no daylight saving) in their own spellings: Alipay
 * `2024-01-31 09:30:00`, WeChat v3 RFC 3339 `2024-01-31T09:30:00+08:00`, WeChat v2 `20240131093000`.
 * Bills are cut at Beijing midnight, whatever the till's own time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000

function parts(date: Date): { day: string; time: string } {
  const iso = new Date(date.getTime() + OFFSET_MS).toISOString()
  return { day: iso.slice(0, 10), time: iso.slice(11, 19) }
}

/** `2024-01-31 09:30:00` */
export function formatChinaTime(date: Date): string {
  const { day, time } = parts(date)
  return `${day} ${time}`
}

/** `2024-01-31T09:30:00+08:00` */
export function formatRfc3339China(date: Date): string {
  const { day, time } = parts(date)
  return `${day}T${time}+08:00`
}

/** `20240131093000` */
export function formatCompactChinaTime(date: Date): string {
  return formatChinaTime(date).replace(/[-: ]/g, '')
}

/** The Beijing business day, `2024-01-31`. */
export function chinaDay(date: Date): string {
  return parts(date).day
}

/** Any of the three spellings, as RFC 3339 with the +08:00 offset; undefined when it is none. */
export function toRfc3339China(text: string | undefined): string | undefined {
  if (!text) return undefined
  const trimmed = text.trim()
  let match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(trimmed)
  match ??= /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(trimmed)
  if (match) return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(trimmed)) return trimmed
  return undefined
}
