import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TableHead } from '@renderer/components/TableHead'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqCategory } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CheckField, StorePicker, useFormErrors, type MasterTabProps } from './shared'

/** A store's categories; new and edit publish to the stores ticked. */
export function CategoriesTab(props: MasterTabProps) {
  const { store, readOnly } = props
  const { t } = useTranslation()
  const {
    data: catalog,
    error,
    reload
  } = useLoad(() => call(hqApi.master.catalog, { storeId: store.id }), store.id)
  const [editing, setEditing] = useState<HqCategory | 'new' | null>(null)

  return (
    <div className="hq-master__tab">
      <div className="hq-master__toolbar">
        <span />
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('hq.master.category.new')}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
      {catalog && catalog.categories.length === 0 && (
        <p className="empty-state">{t('hq.master.category.empty')}</p>
      )}
      {catalog && catalog.categories.length > 0 && (
        <div className="hq-table-wrap hq-master__table">
          <table className="table hq-table">
            <TableHead
              columns={[
                { label: t('hq.master.category.columns.code') },
                { label: t('hq.master.category.columns.nameZh') },
                { label: t('hq.master.category.columns.nameEn') },
                { label: t('hq.master.category.columns.order'), numeric: true },
                { label: t('hq.master.category.columns.status') },
                { label: t('hq.master.category.columns.actions') }
              ]}
            />
            <tbody>
              {catalog.categories.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.code}</th>
                  <td>{c.nameZh}</td>
                  <td>{c.nameEn}</td>
                  <td className="num">{c.sortOrder}</td>
                  <td>{c.active ? t('hq.master.state.active') : t('hq.master.state.inactive')}</td>
                  <td>
                    {!readOnly && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t('hq.master.product.edit')} ${c.code}`}
                        onClick={() => setEditing(c)}
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
        <CategoryDialog
          {...props}
          category={editing === 'new' ? null : editing}
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

const FIELDS = ['storeIds', 'code', 'nameZh', 'nameEn', 'sortOrder'] as const

function CategoryDialog({
  store,
  stores,
  category,
  onClose,
  onSaved
}: MasterTabProps & { category: HqCategory | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const [form, setForm] = useState({
    storeIds: [store.id],
    code: category?.code ?? '',
    nameZh: category?.nameZh ?? '',
    nameEn: category?.nameEn ?? '',
    sortOrder: String(category?.sortOrder ?? 0),
    active: category?.active ?? true
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
      await call(hqApi.master.saveCategory, {
        ...(category ? { id: category.id } : {}),
        storeIds: form.storeIds,
        code: form.code,
        nameZh: form.nameZh,
        nameEn: form.nameEn,
        sortOrder: /^\d+$/.test(form.sortOrder) ? Number(form.sortOrder) : -1,
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
        category
          ? t('hq.master.category.titleEdit', { code: category.code })
          : t('hq.master.category.titleNew')
      }
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <TextField
          label={t('hq.master.category.code')}
          hint={t('hq.master.category.codeHint')}
          value={form.code}
          onChange={set('code')}
          error={errors.of('code')}
          data-autofocus
          required
        />
        <TextField
          label={t('hq.master.product.nameZh')}
          value={form.nameZh}
          onChange={set('nameZh')}
          error={errors.of('nameZh')}
          required
        />
        <TextField
          label={t('hq.master.product.nameEn')}
          value={form.nameEn}
          onChange={set('nameEn')}
          error={errors.of('nameEn')}
          required
        />
        <TextField
          label={t('hq.master.category.sortOrder')}
          value={form.sortOrder}
          onChange={set('sortOrder')}
          error={errors.of('sortOrder')}
          inputMode="numeric"
        />
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
