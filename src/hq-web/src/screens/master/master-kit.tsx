import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TableHead } from '@renderer/components/TableHead'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormErrors } from './shared'

/**
 * The pieces every master-data tab and its edit dialog share: one list (toolbar with "New", the
 * load's error, an empty state, the table with a row header and an actions column), one edit
 * dialog (form, refusal notice, Cancel / Save) and one form state with its field bindings. The
 * tabs only say what differs: their columns, their fields and what they send.
 */

export interface MasterColumn<T> {
  label: string
  numeric?: boolean
  /** The cell's class (`hq-master__wrap` for text that may wrap); `num` is added for numeric. */
  className?: string
  cell: (row: T) => ReactNode
}

/**
 * A tab's list. The first column is each row's header (`<th scope="row">`); `actions` fills the
 * last column for writers. `rows` null while loading; `empty` (default: no rows) shows `emptyText`.
 */
export function MasterTable<T extends { id: string }>({
  rows,
  columns,
  actions,
  actionsLabel,
  readOnly,
  newLabel,
  onNew,
  toolbar = <span />,
  error,
  notice,
  empty,
  emptyText
}: {
  rows: T[] | null
  columns: MasterColumn<T>[]
  actions: (row: T) => ReactNode
  actionsLabel: string
  readOnly: boolean
  newLabel: string
  onNew: () => void
  toolbar?: ReactNode
  error: unknown
  notice?: string | null
  empty?: boolean
  emptyText: string
}) {
  const [head, ...rest] = columns
  return (
    <div className="hq-master__tab">
      <div className="hq-master__toolbar">
        {toolbar}
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={onNew}>
            {newLabel}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={error} />
      {(empty ?? rows?.length === 0) && <p className="empty-state">{emptyText}</p>}
      {rows && rows.length > 0 && head && (
        <div className="hq-table-wrap hq-master__table">
          <table className="table hq-table">
            <TableHead
              columns={[
                ...columns.map((c) => ({ label: c.label, ...(c.numeric ? { numeric: true } : {}) })),
                { label: actionsLabel }
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{head.cell(row)}</th>
                  {rest.map((column) => (
                    <td
                      key={column.label}
                      className={
                        [column.numeric ? 'num' : '', column.className ?? ''].join(' ').trim() || undefined
                      }
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                  <td>{!readOnly && actions(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** A row's small action button, named with the row ("Edit TEA-1") for screen readers and tests. */
export function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--small" aria-label={`${label} ${name}`} onClick={onClick}>
      {label}
    </button>
  )
}

/**
 * A master-data edit dialog: the form, a refusal that names none of its fields as a notice, and
 * Cancel / Save. `wide` lays the fields out in the two-column grid's dialog size.
 */
export function MasterDialog({
  title,
  wide = false,
  onClose,
  onSubmit,
  error,
  notice,
  busy = false,
  autoComplete,
  children
}: {
  title: string
  wide?: boolean
  onClose: () => void
  onSubmit: (event: FormEvent) => void
  error: unknown
  notice: boolean
  busy?: boolean
  autoComplete?: 'off'
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Dialog title={title} open {...(wide ? { size: 'wide' as const } : {})} onClose={onClose}>
      <form
        onSubmit={onSubmit}
        className={wide ? 'hq-form hq-master__form' : 'hq-form'}
        {...(autoComplete ? { autoComplete } : {})}
      >
        {children}
        {notice && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('hq.master.product.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/**
 * A dialog's form state: `form`, `set(key)`, `bind(key, field?)` (value, onChange and the refusal
 * beside it, for a `TextField`; `field` is the name the server's refusal uses, default `key`),
 * and `submit(save)`, which runs `save` and keeps its refusal in `error` / `errors`.
 */
export function useMasterForm<F extends Record<string, unknown>>(
  initial: () => F,
  fields: readonly string[]
) {
  const [form, setForm] = useState(initial)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const errors = useFormErrors(error, fields)
  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) =>
      setForm((current) => ({ ...current, [key]: value }))
  const bind = <K extends keyof F & string>(key: K, field: string = key) => ({
    value: form[key] as string,
    onChange: set(key) as (value: string) => void,
    error: errors.of(field)
  })
  const submit = (save: () => Promise<void>) => (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    save()
      .catch(setError)
      .finally(() => setBusy(false))
  }
  return { form, set, bind, error, errors, busy, submit }
}

/** The Active / Inactive column every master list has. */
export function stateColumn<T extends { active: boolean }>(
  label: string,
  words: { active: string; inactive: string }
): MasterColumn<T> {
  return { label, cell: (row) => (row.active ? words.active : words.inactive) }
}

/**
 * Which row a tab's dialog edits: `edit(row)` or `startNew()` opens it, `close()` shuts it,
 * `saved()` shuts it and reloads the list. `current` is the row (null for a new one) while open.
 */
export function useEditing<T>(reload: () => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null)
  return {
    open: editing !== null,
    current: editing === 'new' ? null : editing,
    edit: (row: T) => setEditing(row),
    startNew: () => setEditing('new'),
    close: () => setEditing(null),
    saved: () => {
      setEditing(null)
      reload()
    }
  }
}
