import { useTranslation } from 'react-i18next'
import { accountMessageKey, type ApiError } from '@shared/contract'

/**
 * Turns an API error into words for the person at the till: its message key translated, a known accounts reason in the
 * interface language, else main's own text, without the `field:` prefix (the form shows the
 * message beside that field).
 */
export function useErrorText(): (error: ApiError | null | undefined) => string {
  const { t, i18n } = useTranslation()
  return (error) => {
    if (!error) return ''
    // A refusal that carries a message key is shown in the interface language.
    if (error.key && i18n.exists(error.key)) return t(error.key, error.params ?? {})
    const reason =
      error.field && error.message.startsWith(`${error.field}: `)
        ? error.message.slice(error.field.length + 2)
        : error.message
    const key = accountMessageKey(reason)
    if (key) return t(`accounts.reasons.${key}`)
    return reason || t(`errors.${error.code}`)
  }
}

/** The error for one form field, if it is the one the API named. */
export function fieldError(error: ApiError | null | undefined, ...fields: string[]): ApiError | undefined {
  return error?.field && fields.includes(error.field) ? error : undefined
}
