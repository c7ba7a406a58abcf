import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ShieldCheck } from 'lucide-react'
import { fieldError, useErrorText } from '../i18n/error-text'
import { useApprovalStore } from '../stores/approval-store'
import { Field } from './Field'
import { PinPad } from './PinPad'

/** "Manager approval": opens when a call the user may not make can be approved in place. */
export function ApprovalDialog() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { pending, busy, error, submit, cancel } = useApprovalStore()
  const [username, setUsername] = useState('')
  const [pin, setPin] = useState('')
  const titleId = useId()

  useEffect(() => {
    if (!pending) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') cancel()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [pending, cancel])

  if (!pending) return null
  const userError = fieldError(error, 'override.username')
  const pinError = fieldError(error, 'override.pin') ?? (error && !error.field ? error : undefined)
  return (
    <div className="approval-overlay">
      <div className="approval" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="approval__title">
          <ShieldCheck aria-hidden="true" size={28} /> {t('accounts.approval.title')}
        </h2>
        <p className="approval__body">{t('accounts.approval.body')}</p>
        <Field
          label={t('accounts.approval.approver')}
          error={userError ? errorText(userError, { beside: true }) : undefined}
        >
          {(props) => (
            <input
              {...props}
              className="input"
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <PinPad
          value={pin}
          onChange={setPin}
          autoFocus={false}
          disabled={busy}
          submitDisabled={username.trim() === ''}
          error={pinError ? errorText(pinError, { beside: true }) : undefined}
          submitLabel={t('accounts.approval.approve')}
          onSubmit={() => {
            // The PIN never stays on screen after a try, right or wrong.
            setPin('')
            void submit({ username: username.trim(), pin })
          }}
        />
        <button
          type="button"
          className="button button--ghost button--block"
          onClick={() => {
            setPin('')
            cancel()
          }}
        >
          {t('accounts.approval.cancel')}
        </button>
      </div>
    </div>
  )
}
