import { useErrorText } from '@renderer/i18n/error-text'
import type { ApiError } from '@shared/contract'
import { HqCallError } from '../api/client'

/** A refusal's words (its key translated, the till's `useErrorText`), in an alert. */
export function ErrorNotice({ error }: { error: unknown }) {
  const text = useErrorText()
  if (!error) return null
  const apiError: ApiError =
    error instanceof HqCallError
      ? (error.error as unknown as ApiError)
      : { code: 'INTERNAL', message: String(error), key: 'errors.hq.internal' }
  return (
    <p className="notice notice--error" role="alert">
      {text(apiError)}
    </p>
  )
}

/**
 * The error of one form field, if the refusal named it (shown beside the field): any of its
 * issues, so a form checked before sending shows every wrong field at once.
 */
export function useFieldError(): (error: unknown, field: string) => string | undefined {
  const text = useErrorText()
  return (error, field) => {
    const issue =
      error instanceof HqCallError ? error.issues.find((candidate) => candidate.field === field) : undefined
    return issue ? text(issue as unknown as ApiError, { beside: true }) : undefined
  }
}
