import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useSession } from '../../session-store'
import { GateCard } from './GateCard'

/** First run: the first visit creates the owner (and signs them in), as the till's set-up does. */
export function SetupScreen() {
  const { t } = useTranslation()
  const signedIn = useSession((s) => s.signedIn)
  const fieldError = useFieldError()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const mismatch = confirm !== '' && confirm !== password

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (password !== confirm) return
    setBusy(true)
    setError(null)
    try {
      signedIn(await call(hqApi.auth.setup, { name, password }))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <GateCard titleId="setup-title" title={t('hq.auth.setupTitle')} onSubmit={(event) => void submit(event)}>
      <p className="muted">{t('hq.auth.setupIntro')}</p>
      <TextField
        label={t('hq.auth.name')}
        value={name}
        onChange={setName}
        autoComplete="username"
        error={fieldError(error, 'name')}
        autoFocus
        required
      />
      <TextField
        label={t('hq.auth.password')}
        hint={t('hq.auth.passwordHint')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        error={fieldError(error, 'password')}
        required
      />
      <TextField
        label={t('hq.auth.confirm')}
        type="password"
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
        error={mismatch ? t('hq.auth.mismatch') : undefined}
        required
      />
      {!fieldError(error, 'name') && !fieldError(error, 'password') && <ErrorNotice error={error} />}
      <button type="submit" className="button button--primary" disabled={busy || mismatch}>
        {t('hq.auth.create')}
      </button>
    </GateCard>
  )
}
