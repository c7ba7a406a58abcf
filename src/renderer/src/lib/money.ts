import { formatMinor } from '@shared/money/format'
import { useSettingsStore } from '../stores/settings-store'

/** Formats minor units in the store's currency and locale; never through a float. */
export function useMoney(): (minor: number, currency?: string) => string {
  const profile = useSettingsStore((s) => s.saved)
  const locale = profile?.locale ?? 'zh-CN'
  const storeCurrency = profile?.currency ?? 'CNY'
  return (minor, currency = storeCurrency) => formatMinor(minor, currency, locale)
}
