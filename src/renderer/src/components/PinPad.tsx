import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Delete } from 'lucide-react'

interface PinPadProps {
  value: string
  onChange(value: string): void
  onSubmit(): void
  submitLabel: string
  disabled?: boolean
  /**
   * A field of the caller's is still blank (the approver's or next user's name): on press nothing
   * is tried and `onBlocked` says so beside that field. The button stays live, never grey.
   */
  blocked?: boolean
  onBlocked?(): void
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
  blocked,
  onBlocked,
  error,
  label,
  autoFocus = true
}: PinPadProps) {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  // Pressed with fewer than 4 digits: said under the box until a digit is typed.
  const [short, setShort] = useState(false)
  const change = (next: string): void => {
    setShort(false)
    onChange(next)
  }
  const press = (digit: string): void => {
    if (value.length < 6) change(value + digit)
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (disabled) return
    const tooShort = value.length < 4
    setShort(tooShort)
    if (blocked) onBlocked?.()
    else if (tooShort) input.current?.focus()
    if (!blocked && !tooShort) onSubmit()
  }
  const shown = error ?? (short ? t('errors.form.pinDigits') : undefined)
  return (
    <form className="pinpad" onSubmit={submit} noValidate>
      <label htmlFor={id} className="field__label pinpad__label">
        {label ?? t('accounts.fields.pin')}
      </label>
      <input
        id={id}
        ref={input}
        className="input pinpad__input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      {shown && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {shown}
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
          onClick={() => change('')}
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
          onClick={() => change(value.slice(0, -1))}
        >
          <Delete aria-hidden="true" size={28} />
        </button>
      </div>
      <button type="submit" className="button button--primary button--block" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  )
}
