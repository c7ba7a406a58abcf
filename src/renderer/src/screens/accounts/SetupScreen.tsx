import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACCOUNT_MESSAGES,
  passwordProblem,
  zodRefusal,
  setupInputSchema,
  type ApiError,
  type StoreProfile
} from '@shared/contract'
import { TextField } from '../../components/TextField'
import { CurrencySelect, LocaleSelect, TimeZoneSelect } from '../../components/StoreProfileSelects'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { AuthFrame } from './AuthFrame'

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
  // Every problem of the form at once, checked against the same schema main uses before sending.
  const [issues, setIssues] = useState<ApiError[]>([])
  // Fields edited since the last submit: their old message is stale and is no longer shown.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set())
  const touch = (field: string): void => setEdited((fields) => new Set(fields).add(field))

  const err = (...fields: string[]): string | undefined => {
    if (fields.some((field) => edited.has(field))) return undefined
    const found =
      issues.find((issue) => issue.field && fields.includes(issue.field)) ?? fieldError(error, ...fields)
    return found ? errorText(found, { beside: true }) : undefined
  }
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    const input = {
      profile,
      owner: { ...owner, username: owner.username.trim(), displayName: owner.displayName.trim() }
    }
    const parsed = setupInputSchema.safeParse(input)
    const found: ApiError[] = parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue))
    // The password's strength is checked in main with this same shared rule.
    const problem = passwordProblem(input.owner.password, input.owner.username)
    if (problem && !found.some((issue) => issue.field === 'owner.password'))
      found.push({
        code: 'VALIDATION',
        field: 'owner.password',
        message: ACCOUNT_MESSAGES[problem],
        key: `errors.accounts.${problem}`
      })
    setIssues(found)
    setEdited(new Set())
    setMismatch(owner.password !== confirm)
    if (found.length > 0 || owner.password !== confirm) return
    void setup(input)
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
            onChange={(value) => {
              touch('profile.storeName')
              setProfile({ ...profile, storeName: value })
            }}
          />
          <CurrencySelect
            value={profile.currency}
            error={err('profile.currency')}
            onChange={(currency) => setProfile({ ...profile, currency, cashIncrement: null })}
          />
          <LocaleSelect
            value={profile.locale}
            error={err('profile.locale')}
            onChange={(locale) => setProfile({ ...profile, locale })}
          />
          <TimeZoneSelect
            value={profile.timeZone}
            error={err('profile.timeZone')}
            onChange={(timeZone) => setProfile({ ...profile, timeZone })}
          />
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
            onChange={(value) => {
              touch('owner.displayName')
              setOwner({ ...owner, displayName: value })
            }}
          />
          <TextField
            label={t('accounts.fields.username')}
            hint={t('accounts.fields.usernameHint')}
            error={err('owner.username')}
            autoComplete="username"
            autoCapitalize="off"
            value={owner.username}
            onChange={(value) => {
              touch('owner.username')
              setOwner({ ...owner, username: value })
            }}
          />
          <TextField
            label={t('accounts.fields.password')}
            hint={t('accounts.fields.passwordHint')}
            error={err('owner.password')}
            type="password"
            autoComplete="new-password"
            value={owner.password}
            onChange={(value) => {
              touch('owner.password')
              setOwner({ ...owner, password: value })
            }}
          />
          <TextField
            label={t('accounts.fields.confirmPassword')}
            error={mismatch && !edited.has('confirm') ? t('accounts.reasons.passwordsDiffer') : undefined}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(value) => {
              touch('confirm')
              setConfirm(value)
            }}
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
            onChange={(value) => {
              touch('owner.pin')
              setOwner({ ...owner, pin: value.replace(/\D/g, '') })
            }}
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
