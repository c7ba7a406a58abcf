import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqStaff } from '@shared/hq-api/master-data-schemas'
import { SelectField } from '@renderer/components/SelectField'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { MasterDialog, MasterTable, RowButton, stateColumn, useEditing, useMasterForm } from './master-kit'
import { StorePicker } from '../../components/StorePicker'
import { CheckField, type MasterTabProps } from './shared'

/** The people of a store's tills, with their till role and stores; never a credential. */
export function StaffTab(props: MasterTabProps) {
  const { store, stores, readOnly } = props
  const { t } = useTranslation()
  const { data, error, reload } = useLoad(() => call(hqApi.master.staff, { storeId: store.id }), store.id)
  const editing = useEditing<HqStaff>(reload)
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? '—'
  const column = (key: string) => t(`hq.master.staff.columns.${key}`)

  return (
    <>
      <MasterTable
        rows={data?.staff ?? null}
        readOnly={readOnly}
        newLabel={t('hq.master.staff.new')}
        onNew={editing.startNew}
        error={error}
        emptyText={t('hq.master.staff.empty')}
        columns={[
          { label: column('username'), cell: (p) => p.username },
          { label: column('name'), cell: (p) => p.displayName },
          { label: column('role'), cell: (p) => t(`hq.master.staff.roles.${p.role}`) },
          {
            label: column('stores'),
            className: 'hq-master__wrap',
            cell: (p) => p.storeIds.map(storeName).join(', ')
          },
          stateColumn(column('status'), {
            active: t('hq.master.state.active'),
            inactive: t('hq.master.state.inactive')
          })
        ]}
        actionsLabel={column('actions')}
        actions={(p) => (
          <RowButton label={t('hq.master.product.edit')} name={p.username} onClick={() => editing.edit(p)} />
        )}
      />
      {editing.open && (
        <StaffDialog {...props} person={editing.current} onClose={editing.close} onSaved={editing.saved} />
      )}
    </>
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
  const { form, set, bind, error, errors, submit } = useMasterForm(
    () => ({
      storeIds: person?.storeIds ?? [store.id],
      username: person?.username ?? '',
      displayName: person?.displayName ?? '',
      role: person?.role ?? ('cashier' as HqStaff['role']),
      password: '',
      pin: '',
      active: person?.active ?? true
    }),
    FIELDS
  )
  const save = async () => {
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
  }
  return (
    <MasterDialog
      title={
        person ? t('hq.master.staff.titleEdit', { username: person.username }) : t('hq.master.staff.titleNew')
      }
      wide
      autoComplete="off"
      onClose={onClose}
      onSubmit={submit(save)}
      error={error}
      notice={errors.notice}
    >
      <div className="hq-master__grid">
        <TextField label={t('hq.master.staff.username')} {...bind('username')} data-autofocus required />
        <TextField label={t('hq.master.staff.displayName')} {...bind('displayName')} required />
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
          {...bind('password')}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          label={t('hq.master.staff.pin')}
          hint={person ? t('hq.master.staff.pinKeep') : t('hq.master.staff.pinHint')}
          {...bind('pin')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
        />
      </div>
      <p className="muted">{t('hq.master.staff.secretsNote')}</p>
      <CheckField label={t('hq.master.state.active')} checked={form.active} onChange={set('active')} />
      <StorePicker
        label={t('hq.master.stores')}
        stores={stores}
        value={form.storeIds}
        onChange={set('storeIds')}
        error={errors.of('storeIds')}
      />
    </MasterDialog>
  )
}
