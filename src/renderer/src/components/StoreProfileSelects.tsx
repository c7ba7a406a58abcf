import { useTranslation } from 'react-i18next'
import { STORE_LOCALES, type StoreProfile } from '@shared/contract'
import { Field } from './Field'

/**
 * The store profile's choices, offered alike on first-run set-up and in Settings: which
 * currencies a store may pick (any ISO 4217 code with a name in the locales; the contract checks
 * the code itself), which languages, and which time zones.
 */
export const STORE_CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD'] as const

/**
 * The zones offered: the runtime's IANA list, which leaves out UTC (a machine set to UTC then
 * showed Africa/Abidjan, the first entry, while UTC was meant), with UTC and the current choice added.
 */
export function timeZoneChoices(current: string | undefined): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add('UTC')
  if (current) zones.add(current)
  return [...zones].sort()
}

interface SelectProps<T> {
  value: T
  onChange: (value: T) => void
  /** The refusal's text for this field, already translated (`useErrorText`). */
  error?: string | undefined
  hint?: string | undefined
  disabled?: boolean
}

/** The store currency (ISO 4217 code), shown as `CNY — Chinese yuan`. */
export function CurrencySelect({ value, onChange, error, hint }: SelectProps<string>) {
  const { t } = useTranslation()
  return (
    <Field label={t('settings.currency')} error={error} {...(hint ? { hint } : {})}>
      {(props) => (
        <select {...props} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          {STORE_CURRENCIES.map((code) => (
            <option key={code} value={code}>
              {code} — {t(`currencies.${code}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The store's locale: how its receipts and figures are written. */
export function LocaleSelect({ value, onChange, error }: SelectProps<StoreProfile['locale']>) {
  const { t } = useTranslation()
  return (
    <Field label={t('settings.locale')} error={error}>
      {(props) => (
        <select
          {...props}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value as StoreProfile['locale'])}
        >
          {STORE_LOCALES.map((code) => (
            <option key={code} value={code}>
              {t(`locales.${code}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The store's IANA time zone, in which its business days run (`timeZoneChoices`). */
export function TimeZoneSelect({ value, onChange, error, hint, disabled }: SelectProps<string | undefined>) {
  const { t } = useTranslation()
  return (
    <Field label={t('settings.timeZone')} error={error} hint={hint ?? t('settings.timeZoneHint')}>
      {(props) => (
        <select
          {...props}
          className="input"
          disabled={disabled}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {timeZoneChoices(value).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
