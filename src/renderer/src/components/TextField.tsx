import type { InputHTMLAttributes } from 'react'
import { Field } from './Field'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>

interface TextFieldProps extends InputProps {
  label: string
  hint?: string | undefined
  error?: string | undefined
  value: string
  onChange: (value: string) => void
}

/** A labelled text input with its hint and error, the form field every screen uses. */
export function TextField({ label, hint, error, value, onChange, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(props) => (
        <input
          {...props}
          {...input}
          className={className ?? 'input'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
