import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useSession } from '../../session-store'
import { CurrentPasswordField, useSignIn } from './sign-in'

/**
 * Over the screen when the session ended while it was in use: the same person signs in again and
 * what they were doing continues (the form keeps what was typed; its save is sent again). Another
 * person signs out first, so nobody's half-typed form is saved under someone else's name.
 */
export function ReauthDialog() {
  const { t } = useTranslation()
  const user = useSession((s) => s.user)
  const notice = useSession((s) => s.notice)
  const signOut = useSession((s) => s.signOut)
  const fieldError = useFieldError()
  const { password, setPassword, busy, error, signIn } = useSignIn()
  const name = user?.name ?? ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void signIn(name)
  }

  return (
    // Escape does not dismiss it: behind it, every call waits for the sign-in.
    <Dialog title={t('hq.auth.reauthTitle')} open onClose={() => undefined}>
      <form className="hq-form" onSubmit={submit}>
        {notice && !error && <p className="notice notice--info">{t(notice)}</p>}
        <p className="muted">{t('hq.auth.reauthKept', { name })}</p>
        <CurrentPasswordField value={password} onChange={setPassword} error={error} autoFocus />
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
