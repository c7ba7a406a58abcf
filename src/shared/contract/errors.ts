/**
 * The only error shape that crosses the API boundary. Handlers and the router never
 * leak a stack trace or an exception's internals to the renderer.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Values a message key interpolates (`{{amount}}`); money is pre-formatted or minor units as a string. */
export type ErrorParams = Record<string, string | number>

export interface ApiError {
  code: ErrorCode
  /** English text for logs and the CLI; screens show `key` translated instead. */
  message: string
  /** Dotted/bracketed path of the offending input field, e.g. `lines[0].quantity`. */
  field?: string
  /** Stable i18n key of the message (`errors.shift.notOpen`), translated by the renderer. */
  key?: string
  /** Parameters for `key`. */
  params?: ErrorParams
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Renders a zod-style issue path as `lines[0].quantity` (the one spelling: `fieldPath`). */
export { fieldPath as formatFieldPath } from '../schemas/field-path'
