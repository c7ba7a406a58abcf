import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { useSession } from '../../session-store'

/** Sign-in (name and password); first run shows the owner's set-up instead (`SetupScreen`). */
export function LoginScreen() {
  const { t } = useTranslation()
  const signedIn = useSession((s) => s.signedIn)
  const notice = useSession((s) => s.notice)
  const fieldError = useFieldError()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      signedIn(await call(hqApi.auth.login, { name, password }))
    } catch (failure) {
      setError(failure)
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="hq-gate">
      <form
        className="card hq-gate__card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="login-title"
      >
        <div className="hq-gate__top">
          <h1 id="login-title" className="card__title">
            {t('hq.auth.title')}
          </h1>
          <LanguageSwitch />
        </div>
        {notice && !error && <p className="notice notice--info">{t(notice)}</p>}
        <TextField
          label={t('hq.auth.name')}
          value={name}
          onChange={setName}
          autoComplete="username"
          autoFocus
          required
        />
        <TextField
          label={t('hq.auth.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={fieldError(error, 'password')}
          required
        />
        {!fieldError(error, 'password') && <ErrorNotice error={error} />}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('hq.auth.signingIn') : t('hq.auth.signIn')}
        </button>
      </form>
    </main>
  )
}
