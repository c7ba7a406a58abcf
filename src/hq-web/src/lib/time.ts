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

/** A date and time in the interface language, in `timeZone` (a store's) when given. */
export function useDateTime(): (iso: string, timeZone?: string) => string {
  const { i18n } = useTranslation()
  return (iso, timeZone) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'short',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {})
    }).format(new Date(iso))
}
