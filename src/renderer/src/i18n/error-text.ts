import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { ApiError } from '@shared/contract'

/**
 * A field path as a person reads it in the interface language: `lines[1].quantity` → "数量（第 2 行）"
 * / "Quantity (line 2)". The last name is looked up under `fields.`; an unknown one is shown as is.
 */
export function fieldLabel(t: TFunction, path: string): string {
  let row: number | undefined
  let name = path
  for (const part of path.match(/\[\d+\]|[^.[\]]+/g) ?? []) {
    if (part.startsWith('[')) row = Number(part.slice(1, -1)) + 1
    else name = part
  }
  const named = t(`fields.${name}`, { defaultValue: name })
  return row === undefined ? named : t('fields.inRow', { name: named, n: row })
}

export interface ErrorTextOptions {
  /** Shown beside its own field, so the field is not named again. */
  beside?: boolean
}

/**
 * Turns an API error into words for the person at the till: its key translated with its params
 * (every refusal main raises has one; a test checks each has zh-CN and en text), else the generic
 * text of its code. A reason that is a phrase about its field ("is too large": its English starts
 * in lower case) is prefixed with the field's name, unless it is shown beside that field.
 */
export function useErrorText(): (error: ApiError | null | undefined, options?: ErrorTextOptions) => string {
  const { t, i18n } = useTranslation()
  return (error, options = {}) => {
    if (!error) return ''
    // With its params: a counted message exists only in its plural forms (`_one`, `_other`).
    if (!error.key || !i18n.exists(error.key, error.params ?? {})) return t(`errors.${error.code}`)
    // A product named in both languages (`name`, `nameEn`) is named in the interface's.
    const params: Record<string, unknown> = { ...(error.params ?? {}) }
    if (i18n.language === 'en' && typeof params.nameEn === 'string' && params.nameEn)
      params.name = params.nameEn
    const text = t(error.key, params)
    const english = i18n.getResource('en', 'translation', error.key) as unknown
    const isPhrase = typeof english === 'string' && /^[a-z]/.test(english)
    if (!error.field || options.beside || !isPhrase) return text
    return t('errors.withField', { field: fieldLabel(t, error.field), text })
  }
}

/** The error for one form field, if it is the one the API named. */
export function fieldError(error: ApiError | null | undefined, ...fields: string[]): ApiError | undefined {
  return error?.field && fields.includes(error.field) ? error : undefined
}

/**
 * The error a form with one last field shows beside it: the one naming any of `fields`, or one that
 * names no field at all (a wrong PIN or password, a lock-out), which belongs with the last thing typed.
 */
export function fieldErrorOrGeneral(
  error: ApiError | null | undefined,
  ...fields: string[]
): ApiError | undefined {
  return fieldError(error, ...fields) ?? (error && !error.field ? error : undefined)
}
