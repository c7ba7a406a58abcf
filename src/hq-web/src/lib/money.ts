import { useTranslation } from 'react-i18next'
import { formatMinor } from '@shared/money/format'

/** The minus sign every amount uses (U+2212), as on the till. */
export const MINUS = '\u2212'

/**
 * Formats minor units in `currency` for the interface language — the till's `formatMinor`, never
 * through a float, with the till's true minus sign.
 */
export function useMoney(): (minor: number, currency: string) => string {
  const { i18n } = useTranslation()
  return (minor, currency) => formatMinor(minor, currency, i18n.language).replace('-', MINUS)
}
