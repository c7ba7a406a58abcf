import { formatMinor } from '@shared/money/format'
import { useSettingsStore } from '../stores/settings-store'

/** The minus sign every amount on screen and on paper uses (U+2212), never a hyphen. */
export const MINUS = '\u2212'

/**
 * Formats minor units in the store's currency and locale; never through a float. Negative
 * amounts carry the true minus sign (`−¥1.10`), the same one the screens put before a discount.
 */
export function useMoney(): (minor: number, currency?: string) => string {
  const profile = useSettingsStore((s) => s.saved)
  const locale = profile?.locale ?? 'zh-CN'
  const storeCurrency = profile?.currency ?? 'CNY'
  return (minor, currency = storeCurrency) => formatMinor(minor, currency, locale).replace('-', MINUS)
}
