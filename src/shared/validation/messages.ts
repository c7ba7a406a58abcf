/**
 * Why an input field is refused: one stable key per reason and its English text, a phrase that
 * follows the field's name (`lines[0].quantity: must be greater than 0`). This table is the only
 * copy of the English: the API sends `errors.validation.<key>` with its params, the renderer's
 * English locale is this table, and zh-CN has its own words for each key (type-checked to match).
 * `{{name}}` marks a parameter, interpolated by i18next in the renderer and by `validationText` here.
 */
export const VALIDATION_MESSAGES = {
  invalid: 'is invalid',
  required: 'is required',
  notAnObject: 'must be an object',
  notAnArray: 'must be an array',
  notAString: 'must be a string',
  notANumber: 'must be a number',
  notABoolean: 'must be true or false',
  wrongType: 'has the wrong type',
  empty: 'must not be empty',
  unknownField: 'is not a known field',
  unknownCurrency: 'must be a known ISO 4217 currency code such as "CNY"',
  unknownCurrencyCode: 'unknown currency',
  unsupportedLocale: 'unsupported locale',
  roundingMode: 'must be "half-up" or "half-even"',
  cashRoundingMode: 'must be "half-up" or "down"',
  taxMode: 'must be "inclusive" or "exclusive"',
  discountType: 'must be "rate" or "amount"',
  notPositive: 'must be greater than 0',
  quantityDecimals: 'must have at most 3 decimal places',
  rateRange: 'must be between 0 and 1',
  notADecimal: 'must be a decimal number such as "12.50"',
  decimalExample: 'must be a decimal number such as {{example}}',
  tooLarge: 'is too large',
  negative: 'must not be negative',
  wholeNumber: 'must be a whole number',
  wholeNumberFor: 'must be a whole number for {{currency}}',
  tooManyDecimalsFor: 'must have at most {{digits}} decimal places for {{currency}}',
  tooManyDigitsFor: 'has more fractional digits than {{currency}} allows',
  dateFormat: 'must be a date such as {{example}}',
  timeZoneExample: 'must be a time zone such as {{example}} (region/city)',
  notBeforeValidFrom: 'must not be before validFrom',
  // Before `notBefore`: a reason is found by its wording, and that template would take this one.
  notBeforeStart: 'must not be before the start date',
  notBefore: 'must not be before {{other}}',
  notBelowMinimum: 'must not be less than the minimum amount',
  range: 'must be from {{minimum}} to {{maximum}}',
  atLeastOrMore: 'must be {{minimum}} or more',
  digits: 'must be {{count}} digits',
  paymentCodeFormat: 'must be the 16–24 digits of a payment code',
  paymentCodeRequired: 'is required: scan the customer’s payment code',
  codeFormat: 'use {{minimum}} to {{maximum}} letters, digits, dashes or underscores',
  uniqueKey: 'must be a unique key per {{what}}',
  fileEmpty: 'the file is empty',
  fileTooLarge: 'the file is larger than {{size}}',
  fileOrText: 'give the file as fileBase64 or as text',
  linesOrAmount: 'give either lines or an amount',
  runOrDay: 'give a run id, or a date and a provider',
  chooseFlow: 'choose QR code or payment code',
  chooseLine: 'choose at least one line',
  tooShort: 'must be at least {{minimum}} characters',
  tooLong: 'must be at most {{maximum}} characters',
  tooFew: 'must have at least {{minimum}} entries',
  tooMany: 'must have at most {{maximum}} entries',
  tooSmall: 'must be at least {{minimum}}',
  tooBig: 'must be at most {{maximum}}',
  format: 'is not in the expected format',
  // Each "must be …" a schema words itself needs its own key here, before `oneOf` would take it
  // and splice its English into the Chinese (`test/unit/i18n/hq-refusal-words.test.ts`).
  plainText: 'must be plain text (no NUL character or broken Unicode)',
  realDate: 'must be a real date such as {{example}}',
  textOrBase64: 'must be text or base64',
  importMode: 'must be all-or-nothing or valid-rows-only',
  weighedPrefix: 'must be two digits from 20 to 29',
  weighedEncoding: 'must be weight or price',
  roundingModeWords: 'must be half-up or half-even',
  taxModeWords: 'must be inclusive or exclusive',
  cashRoundingModeWords: 'must be half-up or down',
  ianaTimeZone: 'must be an IANA time zone such as {{example}}',
  staffRole: 'must be cashier, manager or owner',
  couponType: 'must be rate or amount',
  positiveWhole: 'must be a whole number of at least 1',
  // Last: the most general shape, an enumeration spelled out (`must be cashier, manager or owner`).
  oneOf: 'must be {{options}}'
} as const

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES
export type ValidationParams = Record<string, string | number>

/** The English text of a reason with its parameters filled in. */
export function validationText(key: ValidationMessageKey, params: ValidationParams = {}): string {
  return VALIDATION_MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(params[name] ?? `{{${name}}}`)
  )
}

/** A reason as the API sends it: the English text, the key under `errors.validation.` and its params. */
export interface ValidationReason {
  key: `errors.validation.${ValidationMessageKey}`
  params?: ValidationParams
  text: string
}

const TEMPLATES = (Object.keys(VALIDATION_MESSAGES) as ValidationMessageKey[]).map((key) => {
  const names: string[] = []
  const source = VALIDATION_MESSAGES[key]
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1]
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(name)
      return '(.+?)'
    })
    .join('')
  return { key, names, pattern: new RegExp(`^${source}$`) }
})

/**
 * The key and params of a reason given as text. A zod issue carries only a message string, and
 * every message our schemas give comes from this table, so the table maps it back; any other text
 * is `invalid`. Used in one place, where a validation failure becomes an API error.
 */
export function reasonOf(text: string): ValidationReason {
  for (const { key, names, pattern } of TEMPLATES) {
    const match = pattern.exec(text)
    if (!match) continue
    const params: ValidationParams = {}
    names.forEach((name, i) => (params[name] = match[i + 1]!))
    return { key: `errors.validation.${key}`, ...(names.length ? { params } : {}), text }
  }
  return { key: 'errors.validation.invalid', text }
}
