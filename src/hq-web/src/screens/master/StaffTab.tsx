import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TableHead } from '@renderer/components/TableHead'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqStaff } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CheckField, SelectField, StorePicker, useFormErrors, type MasterTabProps } from './shared'

/** The people of a store's tills, with their till role and stores; never a credential. */
export function StaffTab(props: MasterTabProps) {
  const { store, stores, readOnly } = props
  const { t } = useTranslation()
  const { data, error, reload } = useLoad(() => call(hqApi.master.staff, { storeId: store.id }), store.id)
  const staff = data?.staff ?? null
  const [editing, setEditing] = useState<HqStaff | 'new' | null>(null)
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? '—'

  return (
    <div className="hq-master__tab">
      <div className="hq-master__toolbar">
        <span />
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('hq.master.staff.new')}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
      {staff?.length === 0 && <p className="empty-state">{t('hq.master.staff.empty')}</p>}
      {staff && staff.length > 0 && (
        <div className="hq-table-wrap hq-master__table">
          <table className="table hq-table">
            <TableHead
              columns={[
                { label: t('hq.master.staff.columns.username') },
                { label: t('hq.master.staff.columns.name') },
                { label: t('hq.master.staff.columns.role') },
                { label: t('hq.master.staff.columns.stores') },
                { label: t('hq.master.staff.columns.status') },
                { label: t('hq.master.staff.columns.actions') }
              ]}
            />
            <tbody>
              {staff.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.username}</th>
                  <td>{person.displayName}</td>
                  <td>{t(`hq.master.staff.roles.${person.role}`)}</td>
                  <td className="hq-master__wrap">{person.storeIds.map(storeName).join(', ')}</td>
                  <td>{person.active ? t('hq.master.state.active') : t('hq.master.state.inactive')}</td>
                  <td>
                    {!readOnly && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t('hq.master.product.edit')} ${person.username}`}
                        onClick={() => setEditing(person)}
                      >
                        {t('hq.master.product.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <StaffDialog
          {...props}
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            reload()
          }}
        />
      )}
    </div>
  )
}

const FIELDS = ['storeIds', 'username', 'displayName', 'role', 'password', 'pin'] as const

function StaffDialog({
  store,
  stores,
  canGrantOwner,
  person,
  onClose,
  onSaved
}: MasterTabProps & { person: HqStaff | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const [form, setForm] = useState({
    storeIds: person?.storeIds ?? [store.id],
    username: person?.username ?? '',
    displayName: person?.displayName ?? '',
    role: person?.role ?? ('cashier' as HqStaff['role']),
    password: '',
    pin: '',
    active: person?.active ?? true
  })
  const [error, setError] = useState<unknown>(null)
  const errors = useFormErrors(error, FIELDS)
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm({ ...form, [key]: value })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call(hqApi.master.saveStaff, {
        ...(person ? { id: person.id } : {}),
        storeIds: form.storeIds,
        username: form.username,
        displayName: form.displayName,
        role: form.role,
        ...(form.password ? { password: form.password } : {}),
        ...(form.pin ? { pin: form.pin } : {}),
        active: form.active
      })
      onSaved()
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <Dialog
      title={
        person ? t('hq.master.staff.titleEdit', { username: person.username }) : t('hq.master.staff.titleNew')
      }
      open
      size="wide"
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="hq-form hq-master__form" autoComplete="off">
        <div className="hq-master__grid">
          <TextField
            label={t('hq.master.staff.username')}
            value={form.username}
            onChange={set('username')}
            error={errors.of('username')}
            data-autofocus
            required
          />
          <TextField
            label={t('hq.master.staff.displayName')}
            value={form.displayName}
            onChange={set('displayName')}
            error={errors.of('displayName')}
            required
          />
          <SelectField
            label={t('hq.master.staff.role')}
            value={form.role}
            onChange={(v) => set('role')(v as HqStaff['role'])}
            error={errors.of('role')}
          >
            <option value="cashier">{t('hq.master.staff.roles.cashier')}</option>
            <option value="manager">{t('hq.master.staff.roles.manager')}</option>
            {(canGrantOwner || person?.role === 'owner') && (
              <option value="owner">{t('hq.master.staff.roles.owner')}</option>
            )}
          </SelectField>
          <TextField
            label={t('hq.master.staff.password')}
            hint={person ? t('hq.master.staff.passwordKeep') : t('hq.master.staff.passwordHint')}
            value={form.password}
            onChange={set('password')}
            error={errors.of('password')}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            label={t('hq.master.staff.pin')}
            hint={person ? t('hq.master.staff.pinKeep') : t('hq.master.staff.pinHint')}
            value={form.pin}
            onChange={set('pin')}
            error={errors.of('pin')}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
          />
        </div>
        <p className="muted">{t('hq.master.staff.secretsNote')}</p>
        <CheckField label={t('hq.master.state.active')} checked={form.active} onChange={set('active')} />
        <StorePicker
          stores={stores}
          value={form.storeIds}
          onChange={set('storeIds')}
          error={errors.of('storeIds')}
        />
        {errors.notice && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('hq.master.product.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
