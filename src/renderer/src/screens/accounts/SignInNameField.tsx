import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { TextField } from '../../components/TextField'
import { useErrorText } from '../../i18n/error-text'

/**
 * The username of someone signing in — on the login screen and when switching user on the lock
 * screen: large, focused first, filled by the browser's `username`, never capitalised, with the
 * refusal naming `username` (`error`) beside it.
 */
export function SignInNameField({
  value,
  onChange,
  error
}: {
  value: string
  onChange: (username: string) => void
  error: ApiError | undefined
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (
    <TextField
      label={t('accounts.fields.username')}
      error={error ? errorText(error) : undefined}
      className="input input--large"
      autoFocus
      autoComplete="username"
      autoCapitalize="off"
      value={value}
      onChange={onChange}
    />
  )
}
