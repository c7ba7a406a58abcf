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
