import type { z } from 'zod'
import type { ValidationMessageKey, ValidationParams } from './messages'

/**
 * Our reason for one of zod's own issues — a check declared without a message of ours
 * (`z.number().max(500)`) — chosen by the issue's code, so it too reaches the screens as a key.
 * `given`: the value the field had (`undefined` when it was left out). Zod 4 leaves it out of its
 * issues unless asked (`reportInput`, which would copy passwords into every issue), so the caller
 * looks it up in the parsed input; without it a number sent for a name read "is required".
 */
export function zodIssueReason(
  issue: z.core.$ZodIssue,
  given: unknown = (issue as { input?: unknown }).input
): {
  key: ValidationMessageKey
  params?: ValidationParams
} {
  switch (issue.code) {
    case 'invalid_type': {
      // `.int()` fails as a wrong type in zod 4, and the issue carries no input: 1.5 for a whole
      // number is not a missing value (it read "is required").
      if (issue.expected === 'int') return { key: 'wholeNumber' }
      if (given === undefined) return { key: 'required' }
      const byType: Record<string, ValidationMessageKey> = {
        object: 'notAnObject',
        array: 'notAnArray',
        string: 'notAString',
        number: 'notANumber',
        int: 'notANumber',
        boolean: 'notABoolean'
      }
      return { key: byType[issue.expected] ?? 'wrongType' }
    }
    case 'too_big': {
      const maximum = String(issue.maximum)
      if (issue.origin === 'string') return { key: 'tooLong', params: { maximum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', params: { maximum } }
      return { key: 'tooBig', params: { maximum } }
    }
    case 'too_small': {
      const minimum = String(issue.minimum)
      if (issue.origin === 'string')
        return minimum === '1' ? { key: 'empty' } : { key: 'tooShort', params: { minimum } }
      // "At least 1 entries" says nothing "must not be empty" does not, and has no plural to get wrong.
      if (issue.origin === 'array' || issue.origin === 'set')
        return minimum === '1' ? { key: 'empty' } : { key: 'tooFew', params: { minimum } }
      return { key: 'tooSmall', params: { minimum } }
    }
    case 'invalid_value':
      return { key: 'oneOf', params: { options: issue.values.map(String).join(', ') } }
    case 'invalid_format':
      return { key: 'format' }
    case 'unrecognized_keys':
      return { key: 'unknownField' }
    default:
      return { key: 'invalid' }
  }
}
