import { useId, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Delete } from 'lucide-react'

interface PinPadProps {
  value: string
  onChange(value: string): void
  onSubmit(): void
  submitLabel: string
  disabled?: boolean
  /** Keeps only the submit button off (e.g. until the approver's name is typed). */
  submitDisabled?: boolean
  error?: string | undefined
  label?: string
  autoFocus?: boolean
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

/**
 * A PIN entry for a counter: big on-screen digits for touch, and a real (masked) input that
 * takes the keyboard — digits, Backspace, Enter — and has focus from the start.
 */
export function PinPad({
  value,
  onChange,
  onSubmit,
  submitLabel,
  disabled,
  submitDisabled,
  error,
  label,
  autoFocus = true
}: PinPadProps) {
  const { t } = useTranslation()
  const id = useId()
  const press = (digit: string): void => {
    if (value.length < 6) onChange(value + digit)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (value.length >= 4 && !disabled && !submitDisabled) onSubmit()
  }
  return (
    <form className="pinpad" onSubmit={submit} noValidate>
      <label htmlFor={id} className="field__label pinpad__label">
        {label ?? t('accounts.fields.pin')}
      </label>
      <input
        id={id}
        className="input pinpad__input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="pinpad__keys" role="group" aria-label={t('accounts.lock.keypad')}>
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="pinpad__key"
            aria-label={t('accounts.lock.digit', { digit })}
            disabled={disabled}
            onClick={() => press(digit)}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="pinpad__key pinpad__key--muted"
          disabled={disabled}
          onClick={() => onChange('')}
        >
          {t('accounts.lock.clear')}
        </button>
        <button
          type="button"
          className="pinpad__key"
          aria-label={t('accounts.lock.digit', { digit: '0' })}
          disabled={disabled}
          onClick={() => press('0')}
        >
          0
        </button>
        <button
          type="button"
          className="pinpad__key pinpad__key--muted"
          aria-label={t('accounts.lock.backspace')}
          disabled={disabled}
          onClick={() => onChange(value.slice(0, -1))}
        >
          <Delete aria-hidden="true" size={28} />
        </button>
      </div>
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={disabled || submitDisabled || value.length < 4}
      >
        {submitLabel}
      </button>
    </form>
  )
}
