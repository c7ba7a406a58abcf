import type { z } from 'zod'
import { reasonOf, validationText, type ValidationParams } from '../validation/messages'
import { zodIssueReason } from '../validation/zod-reason'
import { fieldPath } from '../schemas/field-path'
import { ACCOUNT_MESSAGES } from './account-messages'
import { CATALOG_MESSAGES } from './channels/catalog'
import type { ApiError } from './errors'

/**
 * The tables of refusal reasons whose English lives in `src/shared` (validation, accounts,
 * catalog): each entry is `errors.<area>.<name>` in the renderer, whose English locale is the
 * table itself. A schema refuses with one of these texts; `reasonKey` names its key.
 */
export const REASON_TABLES = {
  'errors.accounts': ACCOUNT_MESSAGES,
  'errors.catalog': CATALOG_MESSAGES
} as const

/** The key and params of a reason text from one of the shared tables; `errors.validation.invalid` for any other. */
export function reasonKey(text: string): { key: string; params?: ValidationParams } {
  for (const [prefix, table] of Object.entries(REASON_TABLES)) {
    for (const [name, english] of Object.entries(table))
      if (english === text) return { key: `${prefix}.${name}` }
  }
  const { key, params } = reasonOf(text)
  return params ? { key, params } : { key }
}

/** A refused field in the API's shape: `field: reason` in English, and the reason's key. */
export function fieldRefusal(
  field: string,
  reason: string,
  known?: { key: string; params?: ValidationParams }
): ApiError {
  const { key, params } = known ?? reasonKey(reason)
  return {
    code: 'VALIDATION',
    message: field ? `${field}: ${reason}` : reason,
    ...(field ? { field } : {}),
    key,
    ...(params ? { params } : {})
  }
}

/** The value at `path` inside `root` (undefined when any step is missing). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[step]
  }
  return value
}

/**
 * A failed parse's first issue as the API's refusal. A message of ours keeps its words and key;
 * zod's own issues get ours by their code. An unknown key is named as its own field. `input`: what
 * was parsed (the issue's path is looked up in it), so that a value of the wrong type is refused as
 * that ("must be text") and only a missing one as "is required".
 */
export function zodRefusal(
  issue: z.core.$ZodIssue,
  prefix: ReadonlyArray<PropertyKey> = [],
  input?: unknown
): ApiError {
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
  const field = fieldPath([...prefix, ...issue.path, ...(unknownKey === undefined ? [] : [unknownKey])])
  // A refinement may name its message's key (`params: { key, ... }`), e.g. a GTIN's check digit.
  const custom = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined
  if (typeof custom?.key === 'string') {
    const { key, ...rest } = custom
    const params = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    ) as ValidationParams
    return fieldRefusal(field, issue.message, { key, params })
  }
  const ours = reasonKey(issue.message)
  if (
    issue.code !== 'unrecognized_keys' &&
    (ours.key !== 'errors.validation.invalid' || issue.code === 'custom')
  )
    return fieldRefusal(field, issue.message, ours)
  const reason = zodIssueReason(issue, input === undefined ? undefined : valueAt(input, issue.path))
  return fieldRefusal(field, validationText(reason.key, reason.params), {
    key: `errors.validation.${reason.key}`,
    ...(reason.params ? { params: reason.params } : {})
  })
}
