import { useTranslation } from 'react-i18next'
import { useSettingsStore } from '../stores/settings-store'

/**
 * Formats instants in the store's time zone (a store setting), whatever zone this computer is set to:
 * receipts, shifts and order lists show the time the shop's business day is counted in.
 */
export function useStoreTime(): (
  iso: string,
  options: Intl.DateTimeFormatOptions,
  locale?: string
) => string {
  const profile = useSettingsStore((s) => s.saved)
  return (iso, options, locale) =>
    new Intl.DateTimeFormat(locale ?? profile?.locale ?? 'zh-CN', {
      ...options,
      ...(profile?.timeZone ? { timeZone: profile.timeZone } : {})
    }).format(new Date(iso))
}

/**
 * Formats an instant for the till's screens: the store's time zone and the interface language's
 * conventions (24-hour "20:05" in zh-CN, "8:05 PM" in en). Never this computer's zone, which may be UTC.
 */
export function useScreenTime(): (iso: string, options: Intl.DateTimeFormatOptions) => string {
  const storeTime = useStoreTime()
  const { i18n } = useTranslation()
  return (iso, options) => storeTime(iso, options, i18n.language)
}

/**
 * Formats a calendar day (`YYYY-MM-DD`, already the store's business day, so no zone is applied)
 * in the interface language: "Nov 30, 2026" in en, "2026年11月30日" in zh-CN. Printed pages (the
 * Z-report) read in the cashier's language like the screen. Anything else is shown as given.
 */
export function useScreenDate(): (day: string) => string {
  const { i18n } = useTranslation()
  return (day) =>
    /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`)
        )
      : day
}
