import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Lock, UserRound } from 'lucide-react'
import type { CurrentUser } from '@shared/contract'
import { PinPad } from '../../components/PinPad'
import { fieldError, fieldErrorOrGeneral, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { AuthFrame } from './AuthFrame'
import { formIssue } from '../../lib/form-issues'
import { SignInNameField } from './SignInNameField'

/** The locked till: the user's PIN unlocks it; "Switch user" hands it to someone else by their PIN. */
export function LockScreen({ storeName, user }: { storeName: string; user: CurrentUser }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { busy, error, unlock, switchUser, showPasswordLogin, clearError } = useAuthStore()
  const [pin, setPin] = useState('')
  const [switching, setSwitching] = useState(false)
  const [username, setUsername] = useState('')
  // The next user's name left blank on press: said beside it.
  const [userBlank, setUserBlank] = useState(false)

  const submit = (): void => {
    const done = switching ? switchUser(username.trim(), pin) : unlock(pin)
    void done.then((ok) => {
      if (!ok) setPin('')
    })
  }
  const toggle = (next: boolean): void => {
    clearError()
    setUserBlank(false)
    setPin('')
    setSwitching(next)
  }
  const pinError = fieldErrorOrGeneral(error, 'pin')
  const userError = userBlank ? formIssue('username', 'enterUsername') : fieldError(error, 'username')

  return (
    <AuthFrame storeName={storeName} compact>
      <div className="lock__head">
        <Lock aria-hidden="true" size={36} className="lock__icon" />
        <h1 className="auth__title">
          {switching ? t('accounts.lock.switchTitle') : t('accounts.lock.title')}
        </h1>
        <p className="auth__subtitle">
          {switching
            ? t('accounts.lock.switchHint')
            : t('accounts.lock.lockedBy', { name: user.displayName })}
        </p>
      </div>
      {switching && (
        <SignInNameField
          value={username}
          onChange={(value) => {
            setUsername(value)
            setUserBlank(false)
          }}
          error={userError}
        />
      )}
      <PinPad
        key={switching ? 'switch' : 'unlock'}
        value={pin}
        onChange={setPin}
        onSubmit={submit}
        autoFocus={!switching}
        disabled={busy === 'busy'}
        blocked={switching && username.trim() === ''}
        onBlocked={() => setUserBlank(true)}
        error={pinError ? errorText(pinError) : undefined}
        label={switching ? t('accounts.fields.pin') : t('accounts.lock.enterPin')}
        submitLabel={switching ? t('accounts.lock.switchSubmit') : t('accounts.lock.unlock')}
      />
      <div className="lock__actions">
        <button type="button" className="button button--ghost" onClick={() => toggle(!switching)}>
          <UserRound aria-hidden="true" size={20} />{' '}
          {switching ? t('accounts.lock.back') : t('accounts.lock.switchUser')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => showPasswordLogin(true)}>
          {t('accounts.lock.usePassword')}
        </button>
      </div>
    </AuthFrame>
  )
}
