import { useState } from 'react'
import type { ApiError } from '@shared/contract'
import { useErrorText } from '../i18n/error-text'

/** What `useFormIssues` gives a dialog (see there). */
export interface FormIssues {
  setIssues: (issues: ApiError[]) => void
  error: ApiError | null
  setError: (error: ApiError | null) => void
  errorFor: (field: string) => string | undefined
  clearIssue: (field: string) => void
}

/**
 * A dialog's two sources of field errors, said beside their fields in the same words: the issues the
 * till finds on press before sending (`formIssue`, every one at once) and main's refusal (`error`).
 * `errorFor('amount')` is the issue on `amount`, else the refusal when it names `amount` or a part of
 * it (`lines[2].quantity` belongs to `lines`). `clearIssue(field)` forgets the issues on a field the
 * cashier has just changed — no longer wrong until the next press says so — and those on
 * `clearedByAnyChange` (a form-wide issue such as the refund's "choose a line or an amount").
 */
export function useFormIssues(clearedByAnyChange: readonly string[] = []): FormIssues {
  const errorText = useErrorText()
  const [issues, setIssues] = useState<ApiError[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const errorFor = (field: string): string | undefined => {
    const issue = issues.find((found) => found.field === field)
    if (issue) return errorText(issue, { beside: true })
    return error?.field === field || error?.field?.startsWith(`${field}[`)
      ? errorText(error, { beside: true })
      : undefined
  }
  const clearIssue = (field: string): void =>
    setIssues((found) =>
      found.filter((issue) => issue.field !== field && !clearedByAnyChange.includes(issue.field ?? ''))
    )
  return { setIssues, error, setError, errorFor, clearIssue }
}
