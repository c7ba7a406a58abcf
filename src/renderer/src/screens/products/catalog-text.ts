import { useTranslation } from 'react-i18next'
import { CATALOG_MESSAGES, type ApiError } from '@shared/contract'
import { NOT_A_DECIMAL, TOO_LARGE } from '@shared/money/messages'

type ReasonKey = keyof typeof CATALOG_MESSAGES

const PATTERNS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^must have at most (\d+) decimal places for \w+$/, 'decimals', (m) => ({ digits: m[1]! })],
  [/^must be a whole number for \w+$/, 'wholeNumber', () => ({})],
  [/^appears again \(first on line (\d+)\)$/, 'repeatedSku', (m) => ({ line: m[1]! })],
  [/^(\S+) is also on line (\d+)$/, 'repeatedBarcode', (m) => ({ code: m[1]!, line: m[2]! })],
  [
    /^(\S+) is already used by another product \((.+)\)$/,
    'barcodeTakenBy',
    (m) => ({ code: m[1]!, other: m[2]! })
  ],
  [/^is already used by another product \((.+)\)$/, 'skuTaken', () => ({})],
  [
    /^(\S+) is already the scale code of another product \((.+)\)$/,
    'scaleCodeTakenBy',
    (m) => ({ code: m[1]!, other: m[2]! })
  ],
  [/^check digit should be (\d): (\d+)$/, 'checkDigit', (m) => ({ digit: m[1]!, code: m[2]! })],
  [/^has (\d+) cells? but the header has (\d+)/, 'cellCount', (m) => ({ cells: m[1]!, header: m[2]! })],
  [/^no such category; /, 'unknownCategoryLong', () => ({})]
]

/**
 * The catalog's refusals in the interface language. Main words them in English (`price: must be a
 * decimal number such as "12.50"`); the known ones are looked up here, anything else is shown as is.
 */
export function useCatalogReason(): (message: string, field?: string) => string {
  const { t } = useTranslation()
  return (message, field) => {
    const reason = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message
    for (const [key, text] of Object.entries(CATALOG_MESSAGES)) {
      if (reason === text) return t(`catalog.reasons.${key as ReasonKey}`)
    }
    if (reason === NOT_A_DECIMAL) return t('catalog.reasons.priceFormat')
    if (reason === TOO_LARGE) return t('catalog.reasons.tooLarge')
    for (const [pattern, key, values] of PATTERNS) {
      const match = pattern.exec(reason)
      if (match) return t(`catalog.reasons.${key}`, values(match))
    }
    return reason
  }
}

/** The API error shown beside a form field, if the API named that field (or one of its items). */
export function errorFor(error: ApiError | null, field: string): ApiError | undefined {
  if (!error?.field) return undefined
  return error.field === field || error.field.startsWith(`${field}[`) ? error : undefined
}
