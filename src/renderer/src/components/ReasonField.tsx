import type { FormIssues } from '../lib/use-form-issues'
import { TextField } from './TextField'

/**
 * The reason a cash move or a refund is done for (`reason`: free text, required, up to 200
 * characters — main trims and checks it, the till finds a blank one on press with `reasonIssue`).
 * Its issue or refusal shows beside it, and typing clears it.
 */
export function ReasonField({
  label,
  hint,
  value,
  onChange,
  issues
}: {
  label: string
  hint?: string
  value: string
  onChange: (reason: string) => void
  issues: Pick<FormIssues, 'errorFor' | 'clearIssue'>
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      error={issues.errorFor('reason')}
      value={value}
      onChange={(reason) => {
        onChange(reason)
        issues.clearIssue('reason')
      }}
    />
  )
}
