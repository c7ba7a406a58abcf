import { useTranslation } from 'react-i18next'
import { Field } from '@renderer/components/Field'
import { TextField } from '@renderer/components/TextField'
import { HQ_ROLES, type HqRole } from '@shared/hq-api/route'
import type { HqStore } from '@shared/hq-api/stores'
import { useFieldError } from '../../components/ErrorNotice'
import { StorePicker } from '../../components/StorePicker'

/** What a user may see: their role and, for a manager, the stores they run. */
export interface UserAccess {
  role: HqRole
  storeIds: string[]
}

/**
 * The access as `auth:createUser` / `auth:updateUser` take it: a manager's picked stores; none for
 * an owner or an auditor, who see every store (so stores picked before the role changed are not
 * sent).
 */
export function accessToSend({ role, storeIds }: UserAccess): UserAccess {
  return { role, storeIds: role === 'manager' ? storeIds : [] }
}

/**
 * A user's role and, for a manager, the stores they run — the same pair in the add and the edit
 * dialogs. A refusal naming `role` or `storeIds` (in `error`, the failed call) shows beside it.
 */
export function RoleAndStores({
  value,
  onChange,
  stores,
  error,
  autoFocus = false
}: {
  value: UserAccess
  onChange: (access: UserAccess) => void
  stores: HqStore[]
  error: unknown
  /** The dialog's first field (the edit dialog has no name to type first). */
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  return (
    <>
      <Field label={t('hq.users.role')} error={fieldError(error, 'role')}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={value.role}
            onChange={(event) => onChange({ ...value, role: event.target.value as HqRole })}
            data-autofocus={autoFocus || undefined}
          >
            {HQ_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`hq.roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.role === 'manager' && (
        <StorePicker
          label={t('hq.users.stores')}
          stores={stores}
          value={value.storeIds}
          onChange={(storeIds) => onChange({ ...value, storeIds })}
          error={fieldError(error, 'storeIds')}
        />
      )}
    </>
  )
}

/**
 * A password the owner sets for a user (a new user's, or a reset): a `new-password` field, so a
 * password manager offers to make one rather than filling in the owner's own. The refusal's
 * `password` reason (too short, too common) is `error`.
 */
export function NewPasswordField({
  label,
  hint,
  value,
  onChange,
  error
}: {
  label: string
  hint: string
  value: string
  onChange: (password: string) => void
  error: string | undefined
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={onChange}
      error={error}
      required
    />
  )
}
