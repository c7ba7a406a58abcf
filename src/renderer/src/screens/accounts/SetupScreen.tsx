import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { STORE_LOCALES, type StoreProfile } from '@shared/contract'
import { TextField } from '../../components/TextField'
import { Field } from '../../components/Field'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { AuthFrame } from './AuthFrame'

const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY'] as const

/** First run: the store profile (prefilled with the demo one) and the owner account. */
export function SetupScreen({ initial }: { initial: StoreProfile }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { busy, error, setup } = useAuthStore()
  // The store's time zone starts as this computer's: the owner confirms or picks another.
  const [profile, setProfile] = useState<StoreProfile>(() => ({
    ...initial,
    timeZone: initial.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  }))
  const [owner, setOwner] = useState({ displayName: '', username: '', password: '', pin: '' })
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)

  const err = (...fields: string[]): string | undefined => {
    const found = fieldError(error, ...fields)
    return found ? errorText(found) : undefined
  }
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    if (owner.password !== confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    void setup({
      profile,
      owner: { ...owner, username: owner.username.trim(), displayName: owner.displayName.trim() }
    })
  }

  return (
    <AuthFrame storeName={profile.storeName || initial.storeName} wide>
      <h1 className="auth__title">{t('accounts.setup.title')}</h1>
      <p className="auth__subtitle">{t('accounts.setup.subtitle')}</p>
      <form className="setup-form" onSubmit={onSubmit} noValidate>
        <fieldset className="card">
          <legend className="card__title">{t('accounts.setup.store')}</legend>
          <TextField
            label={t('settings.storeName')}
            error={err('profile.storeName')}
            value={profile.storeName}
            maxLength={80}
            onChange={(value) => setProfile({ ...profile, storeName: value })}
          />
          <Field label={t('settings.currency')} error={err('profile.currency')}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={profile.currency}
                onChange={(e) => setProfile({ ...profile, currency: e.target.value, cashIncrement: null })}
              >
                {CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code} — {t(`currencies.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.locale')} error={err('profile.locale')}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={profile.locale}
                onChange={(e) => setProfile({ ...profile, locale: e.target.value as StoreProfile['locale'] })}
              >
                {STORE_LOCALES.map((code) => (
                  <option key={code} value={code}>
                    {t(`locales.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            error={err('profile.timeZone')}
          >
            {(props) => (
              <select
                {...props}
                className="input"
                value={profile.timeZone}
                onChange={(e) => setProfile({ ...profile, timeZone: e.target.value })}
              >
                {Intl.supportedValuesOf('timeZone').map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend className="card__title">{t('accounts.setup.owner')}</legend>
          <p className="field__hint card__hint">{t('accounts.setup.ownerHint')}</p>
          <TextField
            label={t('accounts.fields.displayName')}
            error={err('owner.displayName')}
            autoFocus
            autoComplete="name"
            value={owner.displayName}
            onChange={(value) => setOwner({ ...owner, displayName: value })}
          />
          <TextField
            label={t('accounts.fields.username')}
            hint={t('accounts.fields.usernameHint')}
            error={err('owner.username')}
            autoComplete="username"
            autoCapitalize="off"
            value={owner.username}
            onChange={(value) => setOwner({ ...owner, username: value })}
          />
          <TextField
            label={t('accounts.fields.password')}
            hint={t('accounts.fields.passwordHint')}
            error={err('owner.password')}
            type="password"
            autoComplete="new-password"
            value={owner.password}
            onChange={(value) => setOwner({ ...owner, password: value })}
          />
          <TextField
            label={t('accounts.fields.confirmPassword')}
            error={mismatch ? t('accounts.reasons.passwordsDiffer') : undefined}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(value) => setConfirm(value)}
          />
          <TextField
            label={t('accounts.fields.pin')}
            hint={t('accounts.fields.pinHint')}
            error={err('owner.pin')}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={owner.pin}
            onChange={(value) => setOwner({ ...owner, pin: value.replace(/\D/g, '') })}
          />
        </fieldset>

        <div className="form-actions">
          <div className="form-actions__status" role="status" aria-live="polite">
            {error && !error.field?.match(/^(profile|owner)\./) && (
              <span className="status status--error">{errorText(error)}</span>
            )}
          </div>
          <button type="submit" className="button button--primary button--large" disabled={busy === 'busy'}>
            {busy === 'busy' ? t('accounts.setup.saving') : t('accounts.setup.submit')}
          </button>
        </div>
      </form>
    </AuthFrame>
  )
}
