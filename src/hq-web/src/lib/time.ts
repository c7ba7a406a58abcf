import { useTranslation } from 'react-i18next'

/** "3 min", "2 h", "4 d": how long ago / how old, in the interface language (Intl). */
export function useDuration(): (ms: number) => string {
  const { i18n } = useTranslation()
  return (ms) => {
    const minutes = Math.floor(Math.abs(ms) / 60_000)
    const [value, unit] =
      minutes < 60
        ? [minutes, 'minute']
        : minutes < 48 * 60
          ? [Math.floor(minutes / 60), 'hour']
          : [Math.floor(minutes / 1440), 'day']
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'short' }).format(value)
  }
}

/** The browser's own zone: what a time with no store (a session, a bill run) is shown in. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/**
 * A date and time in `language`, in `timeZone` (a store's; the browser's when absent), labelled
 * with that zone's name: "2026/11/20 14:05 (Asia/Shanghai)". A chain's stores may span zones,
 * so a bare "14:05" would not say whose clock it is. `zone: false` leaves the label off, for a
 * table whose column heading names the zone once.
 */
export function formatDateTime(
  language: string,
  iso: string,
  timeZone?: string,
  options: { zone?: boolean } = {}
): string {
  const zone = timeZone ?? browserZone()
  const text = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(
    new Date(iso)
  )
  return options.zone === false ? text : `${text} (${zone})`
}

/** `formatDateTime` in the interface language. */
export function useDateTime(): (iso: string, timeZone?: string, options?: { zone?: boolean }) => string {
  const { i18n } = useTranslation()
  return (iso, timeZone, options) => formatDateTime(i18n.language, iso, timeZone, options)
}
