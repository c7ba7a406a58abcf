import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqCategory } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { MasterDialog, MasterTable, RowButton, stateColumn, useEditing, useMasterForm } from './master-kit'
import { StorePicker } from '../../components/StorePicker'
import { CheckField, type MasterTabProps } from './shared'

/** A store's categories; new and edit publish to the stores ticked. */
export function CategoriesTab(props: MasterTabProps) {
  const { store, readOnly } = props
  const { t } = useTranslation()
  const {
    data: catalog,
    error,
    reload
  } = useLoad(() => call(hqApi.master.catalog, { storeId: store.id }), store.id)
  const editing = useEditing<HqCategory>(reload)
  const column = (key: string) => t(`hq.master.category.columns.${key}`)

  return (
    <>
      <MasterTable
        rows={catalog?.categories ?? null}
        readOnly={readOnly}
        newLabel={t('hq.master.category.new')}
        onNew={editing.startNew}
        error={error}
        emptyText={t('hq.master.category.empty')}
        columns={[
          { label: column('code'), cell: (c) => c.code },
          { label: column('nameZh'), cell: (c) => c.nameZh },
          { label: column('nameEn'), cell: (c) => c.nameEn },
          { label: column('order'), numeric: true, cell: (c) => c.sortOrder },
          stateColumn(column('status'), {
            active: t('hq.master.state.active'),
            inactive: t('hq.master.state.inactive')
          })
        ]}
        actionsLabel={column('actions')}
        actions={(c) => (
          <RowButton label={t('hq.master.product.edit')} name={c.code} onClick={() => editing.edit(c)} />
        )}
      />
      {editing.open && (
        <CategoryDialog
          {...props}
          category={editing.current}
          onClose={editing.close}
          onSaved={editing.saved}
        />
      )}
    </>
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
  const { form, set, bind, error, errors, submit } = useMasterForm(
    () => ({
      storeIds: [store.id],
      code: category?.code ?? '',
      nameZh: category?.nameZh ?? '',
      nameEn: category?.nameEn ?? '',
      sortOrder: String(category?.sortOrder ?? 0),
      active: category?.active ?? true
    }),
    FIELDS
  )
  const save = async () => {
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
  }
  return (
    <MasterDialog
      title={
        category
          ? t('hq.master.category.titleEdit', { code: category.code })
          : t('hq.master.category.titleNew')
      }
      onClose={onClose}
      onSubmit={submit(save)}
      error={error}
      notice={errors.notice}
    >
      <TextField
        label={t('hq.master.category.code')}
        hint={t('hq.master.category.codeHint')}
        {...bind('code')}
        data-autofocus
        required
      />
      <TextField label={t('hq.master.product.nameZh')} {...bind('nameZh')} required />
      <TextField label={t('hq.master.product.nameEn')} {...bind('nameEn')} required />
      <TextField label={t('hq.master.category.sortOrder')} {...bind('sortOrder')} inputMode="numeric" />
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
