import { z } from 'zod'
import { isKnownCurrency, minorDigits } from '../../money/currencies'
import { channel } from '../channel'

export const STORE_LOCALES = ['zh-CN', 'en-US', 'zh-HK', 'zh-TW', 'en-GB', 'ja-JP'] as const
export const ROUNDING_MODES = ['half-up', 'half-even'] as const
export const TAX_MODES = ['inclusive', 'exclusive'] as const
export const UI_LANGUAGES = ['zh-CN', 'en'] as const

const DECIMAL = /^\d+(\.\d+)?$/

/** The store profile: who we are and the money rules every quote uses. */
export const storeProfileSchema = z
  .object({
    storeName: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => isKnownCurrency(code), 'unknown currency'),
    locale: z.enum(STORE_LOCALES, { error: 'unsupported locale' }),
    rounding: z.enum(ROUNDING_MODES, { error: 'must be half-up or half-even' }),
    taxMode: z.enum(TAX_MODES, { error: 'must be inclusive or exclusive' }),
    /** Cash rounding step as a decimal string ("0.10"), or null for none. */
    cashIncrement: z.string().trim().regex(DECIMAL, 'must be a decimal number such as 0.10').nullable()
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
    }
  })

export type StoreProfile = z.infer<typeof storeProfileSchema>

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
