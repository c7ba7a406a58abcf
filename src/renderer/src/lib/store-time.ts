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
