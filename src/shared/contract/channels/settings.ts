import { z } from 'zod'
import { cashStepText, cashSteps } from '../../money/cash-steps'
import { isKnownCurrency, minorDigits } from '../../money/currencies'
import { channel } from '../channel'
import { text } from '../text'

export const STORE_LOCALES = ['zh-CN', 'en-US', 'zh-HK', 'zh-TW', 'en-GB', 'ja-JP'] as const
export const ROUNDING_MODES = ['half-up', 'half-even'] as const
export const TAX_MODES = ['inclusive', 'exclusive'] as const
/** Cash rounding (specs/settlement.md step 8): to the nearest increment, or down (抹零). */
export const CASH_ROUNDING_MODES = ['half-up', 'down'] as const
export const UI_LANGUAGES = ['zh-CN', 'en'] as const

const DECIMAL = /^\d+(\.\d+)?$/

/** True for an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone !== ''
  } catch {
    return false
  }
}

/** The zone this machine runs in: the default a new store is offered. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

const SCALE_PREFIX = /^2\d$/

/** One layout of the shop scale's EAN-13 labels (see `shared/barcodes/scale-label.ts`). */
export const scaleLabelLayoutSchema = z
  .object({
    prefixes: z
      .array(z.string().regex(SCALE_PREFIX, 'must be two digits from 20 to 29'))
      .min(1, 'needs at least one prefix')
      .max(10, 'at most 10 prefixes'),
    itemDigits: z.number().int().min(4, 'must be 4, 5 or 6').max(6, 'must be 4, 5 or 6'),
    content: z.enum(['weight', 'price'], { error: 'must be weight or price' }),
    valueCheckDigit: z.boolean()
  })
  .strict()
  .superRefine((layout, ctx) => {
    // 13 digits: prefix 2, item code, value check digit, value, EAN check digit 1; values need 4 digits at least.
    if (13 - 3 - layout.itemDigits - (layout.valueCheckDigit ? 1 : 0) < 4)
      ctx.addIssue({
        code: 'custom',
        path: ['itemDigits'],
        message: 'leaves fewer than 4 digits for the weight or price'
      })
  })

export const scaleLabelsSchema = z
  .array(scaleLabelLayoutSchema)
  .max(10, 'at most 10 layouts')
  .superRefine((layouts, ctx) => {
    const seen = new Set<string>()
    layouts.forEach((layout, i) =>
      layout.prefixes.forEach((prefix, j) => {
        if (seen.has(prefix))
          ctx.addIssue({ code: 'custom', path: [i, 'prefixes', j], message: `${prefix} is in two layouts` })
        seen.add(prefix)
      })
    )
  })

const storeProfileShape = {
  storeName: text({ trim: true, max: 80 }).min(1, 'must not be empty'),
  currency: text()
    .trim()
    .toUpperCase()
    .refine((code) => isKnownCurrency(code), 'unknown currency'),
  locale: z.enum(STORE_LOCALES, { error: 'unsupported locale' }),
  rounding: z.enum(ROUNDING_MODES, { error: 'must be half-up or half-even' }),
  taxMode: z.enum(TAX_MODES, { error: 'must be inclusive or exclusive' }),
  /** Cash rounding step as a decimal string ("0.10"), or null for none. */
  cashIncrement: text({ max: 24 }).regex(DECIMAL, 'must be a decimal number such as 0.10').nullable(),
  /** How a cash total meets the increment: `half-up` (default) or `down` (抹零, the customer's favour). */
  cashRoundingMode: z.enum(CASH_ROUNDING_MODES, { error: 'must be half-up or down' }).default('half-up'),
  /**
   * The store's IANA time zone: business days, hours and printed times follow it whatever the machine's
   * zone. Left out on update, the saved one is kept; it changes only before the first sale, or with
   * `confirmTimeZoneChange` on `settings:update`.
   */
  timeZone: text()
    .max(64)
    .trim()
    .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
    .optional(),
  /** The shop scale's label layouts; left out on update, the saved ones are kept. */
  scaleLabels: scaleLabelsSchema.optional()
}

function refineProfile(
  profile: { currency: string; cashIncrement: string | null },
  ctx: z.core.$RefinementCtx
): void {
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
}

/** The store profile: who we are and the money rules every quote uses. */
export const storeProfileSchema = z.object(storeProfileShape).strict().superRefine(refineProfile)

export type StoreProfile = z.infer<typeof storeProfileSchema>

/** `settings:update`'s input: the profile, and the owner's yes to moving the days of past sales. */
export const storeProfileUpdateSchema = z
  .object({ ...storeProfileShape, confirmTimeZoneChange: z.boolean().optional() })
  .strict()
  .superRefine(refineProfile)
export type StoreProfileUpdate = z.input<typeof storeProfileUpdateSchema>

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

/**
 * This till's preferences as kept: `chosen` false while nobody has picked a language on it (the
 * screens then follow the browser's or OS's language; `language` is the fallback, zh-CN).
 */
export const devicePreferencesSchema = preferencesSchema.extend({ chosen: z.boolean() })

export type DevicePreferences = z.infer<typeof devicePreferencesSchema>

export const settingsChannels = {
  'settings:get': channel({
    summary: 'Read the store profile (name, currency, locale, rounding, tax mode, cash increment).',
    input: z.object({}).strict(),
    output: storeProfileSchema,
    permission: 'session'
  }),
  'settings:update': channel({
    summary:
      'Save the store profile. A new time zone once sales exist is refused (CONFLICT, timeZone) unless confirmTimeZoneChange.',
    input: storeProfileUpdateSchema,
    output: storeProfileSchema,
    permission: 'settings-manage',
    overridable: true
  }),
  'preferences:get': channel({
    summary: "This terminal's interface preferences (language, and whether anyone has chosen it).",
    input: z.object({}).strict(),
    output: devicePreferencesSchema,
    permission: 'public'
  }),
  'preferences:update': channel({
    summary: "Save this terminal's interface preferences.",
    input: preferencesSchema,
    output: preferencesSchema,
    permission: 'public'
  })
}
