import type { ApiError } from '@shared/contract'

/**
 * A problem found on the till before a dialog's action is sent, in the API's refusal shape so the
 * same `errorText` words it beside its field. `key` is under `errors.form` (`locales/errors-form.ts`).
 */
export function formIssue(field: string, name: string, params?: Record<string, string>): ApiError {
  return {
    code: 'VALIDATION',
    field,
    message: `${field}: ${name}`,
    key: `errors.form.${name}`,
    ...(params ? { params } : {})
  }
}

/** The reason every cash move, void and refund needs: `enterReason` on `reason` when it is blank. */
export function reasonIssue(reason: string): ApiError[] {
  return reason.trim() === '' ? [formIssue('reason', 'enterReason')] : []
}
