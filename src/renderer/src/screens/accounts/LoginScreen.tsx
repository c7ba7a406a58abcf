import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LogIn } from 'lucide-react'
import { TextField } from '../../components/TextField'
import { fieldError, fieldErrorOrGeneral, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { AuthFrame } from './AuthFrame'
import { SignInNameField } from './SignInNameField'

/** Username and password; the keyboard does it all (Tab, Enter). */
export function LoginScreen({ storeName, onBack }: { storeName: string; onBack?: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { busy, error, login } = useAuthStore()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void login(username.trim(), password).then((ok) => {
      if (!ok) setPassword('')
    })
  }
  const userError = fieldError(error, 'username')
  const passwordError = fieldErrorOrGeneral(error, 'password')

  return (
    <AuthFrame storeName={storeName}>
      <h1 className="auth__title">{t('accounts.login.title')}</h1>
      <p className="auth__subtitle">{t('accounts.login.subtitle', { store: storeName })}</p>
      <form className="auth__form" onSubmit={onSubmit} noValidate>
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
          disabled={busy === 'busy' || username.trim() === '' || password === ''}
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
