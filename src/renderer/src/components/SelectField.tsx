import type { ReactNode } from 'react'
import { Field } from './Field'

/**
 * A labelled `<select>` whose `children` are its options: `Field`'s label, hint and refusal wired
 * for screen readers, as `TextField` is for an input. `onChange` gets the chosen option's value.
 */
export function SelectField({
  label,
  value,
  onChange,
  children,
  error
}: {
  label: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
  error?: string | undefined
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </Field>
  )
}
