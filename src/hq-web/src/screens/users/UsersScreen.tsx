import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { TableHead } from '@renderer/components/TableHead'
import { hqApi } from '@shared/hq-api/index'
import type { HqUser } from '@shared/hq-api/auth'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { useDateTime } from '../../lib/time'
import { AddUserDialog } from './AddUserDialog'
import { EditUserDialog } from './EditUserDialog'

/** The owner's list of head-office users, adding one and editing one (role, stores, password, lock, removal). */
export function UsersScreen() {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const { data, error, reload } = useLoad(
    () => Promise.all([call(hqApi.auth.listUsers, {}), call(hqApi.stores.list, {})]),
    'users'
  )
  const users: HqUser[] = data?.[0].users ?? []
  const stores: HqStore[] = data?.[1].stores ?? []
  const [adding, setAdding] = useState(false)
  const [editingId, setEditingId] = useState<string | null>(null)
  const editing = users.find((u) => u.id === editingId)
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id

  return (
    <section className="screen" aria-labelledby="users-title">
      <ScreenHeader titleId="users-title" title={t('hq.users.title')} subtitle={t('hq.users.subtitle')}>
        <div className="hq-actions">
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t('hq.users.add')}
          </button>
        </div>
      </ScreenHeader>
      <ErrorNotice error={error} />
      <div className="hq-table-wrap">
        <table className="table hq-table">
          <TableHead
            columns={[
              { label: t('hq.users.columns.name') },
              { label: t('hq.users.columns.role') },
              { label: t('hq.users.columns.stores') },
              { label: t('hq.users.columns.since') },
              { label: t('hq.users.columns.actions'), hidden: true }
            ]}
          />
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="hq-wrap">
                  {user.name}
                </th>
                <td>
                  {t(`hq.roles.${user.role}`)}
                  {user.locked && (
                    <>
                      {' '}
                      <span className="badge badge--warn">{t('hq.users.locked')}</span>
                    </>
                  )}
                  {user.deactivatedAt && (
                    <>
                      {' '}
                      <span className="badge">{t('hq.users.deactivated')}</span>
                    </>
                  )}
                </td>
                <td className="hq-wrap">
                  {user.role === 'manager'
                    ? user.storeIds.map(storeName).join(', ')
                    : t('hq.users.allStores')}
                </td>
                <td>{dateTime(user.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('hq.users.editOne', { name: user.name })}
                    onClick={() => setEditingId(user.id)}
                  >
                    {t('hq.users.editButton')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <EditUserDialog
          key={editing.id}
          user={editing}
          stores={stores}
          onClose={() => setEditingId(null)}
          onChanged={reload}
        />
      )}
      {adding && (
        <AddUserDialog
          stores={stores}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false)
            reload()
          }}
        />
      )}
    </section>
  )
}
