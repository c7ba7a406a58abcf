import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { useFieldError } from '../../components/ErrorNotice'
import { useSession } from '../../session-store'

/**
 * Signing in with a name and a password (`auth:login`), for the login screen and the
 * re-authentication dialog alike: `signIn(name)` sends the typed password; on success the session
 * store is signed in (the dialog closes, waiting calls go on), on a refusal `error` holds it (the
 * failed call, for `ErrorNotice` / `useFieldError`) and the password is cleared to be typed again.
 */
export function useSignIn(): {
  password: string
  setPassword: (password: string) => void
  busy: boolean
  error: unknown
  signIn: (name: string) => Promise<void>
} {
  const signedIn = useSession((s) => s.signedIn)
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const signIn = async (name: string): Promise<void> => {
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
  return { password, setPassword, busy, error, signIn }
}

/**
 * The password of someone signing in (`current-password`, so a password manager fills it), with
 * the refusal naming `password` beside it. `autoFocus` marks it for a dialog's first focus.
 */
export function CurrentPasswordField({
  value,
  onChange,
  error,
  autoFocus = false
}: {
  value: string
  onChange: (password: string) => void
  error: unknown
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  return (
    <TextField
      label={t('hq.auth.password')}
      type="password"
      value={value}
      onChange={onChange}
      autoComplete="current-password"
      error={fieldError(error, 'password')}
      {...(autoFocus ? { 'data-autofocus': true } : {})}
      required
    />
  )
}
