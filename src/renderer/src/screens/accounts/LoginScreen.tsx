import { useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import type { ApiError } from '@shared/contract'
import { useTranslation } from 'react-i18next'
import { LogIn } from 'lucide-react'
import { TextField } from '../../components/TextField'
import { fieldError, fieldErrorOrGeneral, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { formIssue } from '../../lib/form-issues'
import { AuthFrame } from './AuthFrame'
import { SignInNameField } from './SignInNameField'

/** Username and password; the keyboard does it all (Tab, Enter). */
export function LoginScreen({ storeName, onBack }: { storeName: string; onBack?: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { busy, error, login } = useAuthStore()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  // Once pressed, each blank field says so beside it until filled (and again if a scanner burst
  // leaves it blank): the button is never grey with no reason.
  const [pressed, setPressed] = useState(false)
  const issues = pressed ? blankIssues(username, password) : []
  const form = useRef<HTMLFormElement>(null)

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    if (busy === 'busy') return
    const found = blankIssues(username, password)
    // Rendered at once, so the first field said wrong can take the focus. A real try clears them:
    // the password emptied after a refusal shows main's reason, not "Enter your password".
    flushSync(() => setPressed(found.length > 0))
    if (found.length > 0) {
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
      return
    }
    void login(username.trim(), password).then((ok) => {
      if (!ok) setPassword('')
    })
  }
  const userError = issues.find((issue) => issue.field === 'username') ?? fieldError(error, 'username')
  const passwordError =
    issues.find((issue) => issue.field === 'password') ??
    (issues.length === 0 ? fieldErrorOrGeneral(error, 'password') : fieldError(error, 'password'))

  return (
    <AuthFrame storeName={storeName}>
      <h1 className="auth__title">{t('accounts.login.title')}</h1>
      <p className="auth__subtitle">{t('accounts.login.subtitle', { store: storeName })}</p>
      <form ref={form} className="auth__form" onSubmit={onSubmit} noValidate>
        <SignInNameField value={username} onChange={setUsername} error={userError} />
        <TextField
          label={t('accounts.fields.password')}
          error={passwordError ? errorText(passwordError) : undefined}
          className="input input--large"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(value) => setPassword(value)}
        />
        <button
          type="submit"
          className="button button--primary button--block button--large"
          disabled={busy === 'busy'}
        >
          <LogIn aria-hidden="true" size={22} />{' '}
          {busy === 'busy' ? t('accounts.login.busy') : t('accounts.login.submit')}
        </button>
        {onBack && (
          <button type="button" className="button button--ghost button--block" onClick={onBack}>
            {t('accounts.lock.back')}
          </button>
        )}
      </form>
    </AuthFrame>
  )
}

/** The log-in fields left blank, as form issues (`enterUsername`, `enterPassword`). */
function blankIssues(username: string, password: string): ApiError[] {
  return [
    ...(username.trim() === '' ? [formIssue('username', 'enterUsername')] : []),
    ...(password === '' ? [formIssue('password', 'enterPassword')] : [])
  ]
}
