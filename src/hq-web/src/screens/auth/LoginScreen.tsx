import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useSession } from '../../session-store'
import { GateCard } from './GateCard'
import { CurrentPasswordField, useSignIn } from './sign-in'

/** Sign-in (name and password); first run shows the owner's set-up instead (`SetupScreen`). */
export function LoginScreen() {
  const { t } = useTranslation()
  const notice = useSession((s) => s.notice)
  const fieldError = useFieldError()
  const [name, setName] = useState('')
  const { password, setPassword, busy, error, signIn } = useSignIn()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void signIn(name)
  }

  return (
    <GateCard titleId="login-title" title={t('hq.auth.title')} onSubmit={submit}>
      {notice && !error && <p className="notice notice--info">{t(notice)}</p>}
      <TextField
        label={t('hq.auth.name')}
        value={name}
        onChange={setName}
        autoComplete="username"
        autoFocus
        required
      />
      <CurrentPasswordField value={password} onChange={setPassword} error={error} />
      {!fieldError(error, 'password') && <ErrorNotice error={error} />}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('hq.auth.signingIn') : t('hq.auth.signIn')}
      </button>
    </GateCard>
  )
}
