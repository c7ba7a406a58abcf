import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ShieldCheck } from 'lucide-react'
import { fieldError, fieldErrorOrGeneral, useErrorText } from '../i18n/error-text'
import { useApprovalStore } from '../stores/approval-store'
import { Field } from './Field'
import { PinPad } from './PinPad'

/**
 * "Manager approval": opens when a call the user may not make can be approved in place.
 * It is a native modal opened last, so it sits on top of the dialog it was asked from (the
 * browser's top layer is the app's one dialog stack) and has the focus. It names the action
 * and amount, and starts empty for every request.
 */
export function ApprovalDialog() {
  const pending = useApprovalStore((s) => s.pending)
  if (!pending) return null
  return <Approval key={pending.id} />
}

function Approval() {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const { pending, busy, error, submit, cancel } = useApprovalStore()
  const [username, setUsername] = useState('')
  const [pin, setPin] = useState('')
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  if (!pending) return null
  // i18next reads ':' as a namespace separator: channel names are keyed with '_'.
  const actionKey = `counter.approval.actions.${pending.channel.replace(':', '_')}`
  const action = i18n.exists(actionKey) ? t(actionKey) : pending.channel
  const userError = fieldError(error, 'override.username')
  const pinError = fieldErrorOrGeneral(error, 'override.pin')
  return (
    <dialog
      ref={ref}
      className="dialog approval"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        setPin('')
        cancel()
      }}
    >
      <h2 id={titleId} className="approval__title">
        <ShieldCheck aria-hidden="true" size={28} /> {t('accounts.approval.title')}
      </h2>
      <p className="approval__what" data-testid="approval-what">
        <strong>{action}</strong>
        {pending.detail ? <span> · {pending.detail}</span> : null}
      </p>
      {/* Why a manager is needed, with the amount ("a cash refund of ¥3.50 paid out by a
          cashier"): a bare "Refund · T01-000005" left the manager approving blind. */}
      {pending.reason?.key?.startsWith('errors.approval.') &&
        pending.reason.key !== 'errors.approval.needed' && (
          <p className="approval__why" data-testid="approval-why">
            {errorText(pending.reason)}
          </p>
        )}
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
    </dialog>
  )
}
