import { z } from 'zod'
import { cashStepText, cashSteps } from '../../money/cash-steps'
import { isKnownCurrency, minorDigits } from '../../money/currencies'
import { channel } from '../channel'
import { text } from '../text'

export const STORE_LOCALES = ['zh-CN', 'en-US', 'zh-HK', 'zh-TW', 'en-GB', 'ja-JP'] as const
export const ROUNDING_MODES = ['half-up', 'half-even'] as const
export const TAX_MODES = ['inclusive', 'exclusive'] as const
export const UI_LANGUAGES = ['zh-CN', 'en'] as const

const DECIMAL = /^\d+(\.\d+)?$/

/** The store profile: who we are and the money rules every quote uses. */
export const storeProfileSchema = z
  .object({
    storeName: text().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    currency: text()
      .trim()
      .toUpperCase()
      .refine((code) => isKnownCurrency(code), 'unknown currency'),
    locale: z.enum(STORE_LOCALES, { error: 'unsupported locale' }),
    rounding: z.enum(ROUNDING_MODES, { error: 'must be half-up or half-even' }),
    taxMode: z.enum(TAX_MODES, { error: 'must be inclusive or exclusive' }),
    /** Cash rounding step as a decimal string ("0.10"), or null for none. */
    cashIncrement: text().max(24).regex(DECIMAL, 'must be a decimal number such as 0.10').nullable()
  })
  .strict()
  .superRefine((profile, ctx) => {
    if (profile.cashIncrement === null || !isKnownCurrency(profile.currency)) return
    const fraction = profile.cashIncrement.split('.')[1] ?? ''
    if (fraction.replace(/0+$/, '').length > minorDigits(profile.currency)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cashIncrement'],
        message: `has more fractional digits than ${profile.currency} allows`
      })
    }
    if (/^[0.]+$/.test(profile.cashIncrement)) {
      ctx.addIssue({ code: 'custom', path: ['cashIncrement'], message: 'must be greater than 0' })
      return
    }
    // Only a coin's value is a step a shop could mean (issue 11: "12.5" made a ¥4.50 sale free).
    const steps = cashSteps(profile.currency)
    const minor = decimalToMinor(profile.cashIncrement, minorDigits(profile.currency))
    if (minor === null || !steps.includes(minor)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cashIncrement'],
        message: `must be one of the ${profile.currency} coin steps: ${steps.map((v) => cashStepText(v, profile.currency)).join(', ')}`
      })
    }
  })

export type StoreProfile = z.infer<typeof storeProfileSchema>

/** `"0.10"` at 2 digits → 10; null when it has more digits than that or is beyond a safe integer. */
function decimalToMinor(value: string, digits: number): number | null {
  const [whole = '', fraction = ''] = value.split('.')
  const kept = fraction.replace(/0+$/, '')
  if (kept.length > digits || whole.replace(/^0+/, '').length > 12) return null
  return Number(whole) * 10 ** digits + Number(kept.padEnd(digits, '0') || '0')
}

export const preferencesSchema = z.object({
  language: z.enum(UI_LANGUAGES, { error: 'must be zh-CN or en' })
})

export type Preferences = z.infer<typeof preferencesSchema>

export const settingsChannels = {
  'settings:get': channel({
    summary: 'Read the store profile (name, currency, locale, rounding, tax mode, cash increment).',
    input: z.object({}).strict(),
    output: storeProfileSchema,
    permission: 'session'
  }),
  'settings:update': channel({
    summary: 'Save the store profile.',
    input: storeProfileSchema,
    output: storeProfileSchema,
    permission: 'settings-manage',
    overridable: true
  }),
  'preferences:get': channel({
    summary: "This terminal's interface preferences (language).",
    input: z.object({}).strict(),
    output: preferencesSchema,
    permission: 'public'
  }),
  'preferences:update': channel({
    summary: "Save this terminal's interface preferences.",
    input: preferencesSchema,
    output: preferencesSchema,
    permission: 'public'
  })
}
