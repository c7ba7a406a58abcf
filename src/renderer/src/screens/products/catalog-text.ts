import type { ApiError } from '@shared/contract'

/** The API error shown beside a form field, if the API named that field (or one of its items). */
export function errorFor(error: ApiError | null, field: string): ApiError | undefined {
  if (!error?.field) return undefined
  return error.field === field || error.field.startsWith(`${field}[`) ? error : undefined
}
