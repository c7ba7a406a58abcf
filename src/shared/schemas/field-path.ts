import type { z } from 'zod'
import { FieldError } from '../money/field-error'
import { UNKNOWN_FIELD } from './cart-messages'

/**
 * Spells a schema path the way Kassa names fields: `['lines', 0, 'quantity']` → `lines[0].quantity`,
 * under an optional prefix (`carts[3]`).
 */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/**
 * The first problem of a failed parse as a `FieldError` (`lines[0].quantity`, `must be greater than 0`),
 * which is how the API reports validation errors. An unknown key is named as its own field.
 */
export function toFieldError(error: z.core.$ZodError, prefix = ''): FieldError {
  const issue = error.issues[0]
  if (issue === undefined) return new FieldError(prefix, 'is invalid')
  if (issue.code === 'unrecognized_keys') {
    return new FieldError(fieldPath([...issue.path, issue.keys[0] ?? ''], prefix), UNKNOWN_FIELD)
  }
  return new FieldError(fieldPath(issue.path, prefix), issue.message)
}
