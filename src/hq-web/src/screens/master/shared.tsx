import type { HqStore } from '@shared/hq-api/stores'
import { useErrorText } from '@renderer/i18n/error-text'
import type { ApiError } from '@shared/contract'
import { HqCallError } from '../../api/client'

/** What every master-data tab is given: the store shown, every store the user sees, and rights. */
export interface MasterTabProps {
  store: HqStore
  stores: HqStore[]
  readOnly: boolean
  /** Only the head office's owner may give the till role `owner`. */
  canGrantOwner: boolean
}

/** A checkbox in the field style. */
export function CheckField({
  label,
  checked,
  onChange
}: {
  label: string
  checked: boolean
  onChange: (v: boolean) => void
}) {
  return (
    <label className="hq-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  )
}

/**
 * A form's refusal shown where it belongs: `of(field)` is the text beside a field the refusal names
 * (also `barcodes[1]` under `barcodes`), `notice` whether it names none of the form's fields (then
 * it shows as a notice).
 */
export function useFormErrors(error: unknown, fields: readonly string[]) {
  const text = useErrorText()
  // Every field the refusal names: all of them when the input was checked before sending.
  const issues = error instanceof HqCallError ? error.issues : []
  const under = (named: string | undefined, field: string) =>
    named !== undefined && (named === field || named.startsWith(`${field}[`) || named.startsWith(`${field}.`))
  const issueOf = (field: string) => issues.find((issue) => under(issue.field, field))
  return {
    of: (field: string) => {
      const issue = issueOf(field)
      return issue ? text(issue as unknown as ApiError, { beside: true }) : undefined
    },
    notice: Boolean(error) && !fields.some((field) => issueOf(field) !== undefined)
  }
}
