import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useSession } from '../../session-store'

/**
 * Over the screen when the session ended while it was in use: the same person signs in again and
 * what they were doing continues (the form keeps what was typed; its save is sent again). Another
 * person signs out first, so nobody's half-typed form is saved under someone else's name.
 */
export function ReauthDialog() {
  const { t } = useTranslation()
  const user = useSession((s) => s.user)
  const notice = useSession((s) => s.notice)
  const signedIn = useSession((s) => s.signedIn)
  const signOut = useSession((s) => s.signOut)
  const fieldError = useFieldError()
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const name = user?.name ?? ''

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
    // Escape does not dismiss it: behind it, every call waits for the sign-in.
    <Dialog title={t('hq.auth.reauthTitle')} open onClose={() => undefined}>
      <form className="hq-form" onSubmit={(event) => void submit(event)}>
        {notice && !error && <p className="notice notice--info">{t(notice)}</p>}
        <p className="muted">{t('hq.auth.reauthKept', { name })}</p>
        <TextField
          label={t('hq.auth.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={fieldError(error, 'password')}
          data-autofocus
          required
        />
        {!fieldError(error, 'password') && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => void signOut()}>
            {t('hq.auth.reauthSignOut')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('hq.auth.signingIn') : t('hq.auth.signIn')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
