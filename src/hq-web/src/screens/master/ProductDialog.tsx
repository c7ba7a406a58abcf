import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { fieldRefusal } from '@shared/contract/error-reasons'
import { FieldError } from '@shared/money/field-error'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import type { HqApiError } from '@shared/hq-api/route'
import { hqApi } from '@shared/hq-api/index'
import type { HqProduct, StoreCatalog } from '@shared/hq-api/master-data-schemas'
import { SelectField } from '@renderer/components/SelectField'
import { call } from '../../api/client'
import { MasterDialog, useMasterForm } from './master-kit'
import { StorePicker } from '../../components/StorePicker'
import { CheckField, type MasterTabProps } from './shared'

const FIELDS = [
  'storeIds',
  'sku',
  'barcodes',
  'nameZh',
  'nameEn',
  'categoryId',
  'price',
  'taxRate',
  'unit'
] as const

/**
 * A new product, or a change to one, published to the stores ticked (the current store by default).
 * The price is typed in yuan and converted exactly to fen by the head office, in every store chosen.
 */
export function ProductDialog({
  store,
  stores,
  catalog,
  product,
  onClose,
  onSaved
}: MasterTabProps & {
  catalog: StoreCatalog
  product: HqProduct | null
  onClose: () => void
  onSaved: (revision: number | undefined) => void
}) {
  const { t, i18n } = useTranslation()
  const { form, set, bind, error, errors, busy, submit } = useMasterForm(
    () => ({
      storeIds: [store.id],
      sku: product?.sku ?? '',
      barcodes: product?.barcodes.join(' ') ?? '',
      nameZh: product?.nameZh ?? '',
      nameEn: product?.nameEn ?? '',
      categoryId: product?.categoryId ?? '',
      price: product ? minorToDecimalString(product.priceMinor, catalog.currency) : '',
      taxRate: product?.taxRate ?? '0.13',
      unit: product?.unit ?? ('piece' as 'piece' | 'kg'),
      active: product?.active ?? true
    }),
    FIELDS
  )

  /** The price's digits in this store's currency (8.805 yuan): the head office checks it, the schema cannot. */
  const priceDigits = (): HqApiError[] => {
    try {
      parseDecimalToMinor(form.price, catalog.currency, 'price')
      return []
    } catch (failure) {
      if (!(failure instanceof FieldError)) throw failure
      return [fieldRefusal('price', failure.message, failure.reason) as HqApiError]
    }
  }

  const save = async () => {
    const saved = await call(
      hqApi.master.saveProduct,
      {
        ...(product ? { id: product.id } : {}),
        storeIds: form.storeIds,
        sku: form.sku,
        barcodes: form.barcodes.split(/[\s|]+/).filter(Boolean),
        nameZh: form.nameZh,
        nameEn: form.nameEn,
        categoryId: form.categoryId || null,
        price: form.price,
        taxRate: form.taxRate,
        unit: form.unit,
        active: form.active
      },
      priceDigits()
    )
    onSaved(saved.revisions.find((r) => r.storeId === store.id)?.revision)
  }

  return (
    <MasterDialog
      title={
        product ? t('hq.master.product.titleEdit', { sku: product.sku }) : t('hq.master.product.titleNew')
      }
      wide
      busy={busy}
      onClose={onClose}
      onSubmit={submit(save)}
      error={error}
      notice={errors.notice}
    >
      <div className="hq-master__grid">
        <TextField label={t('hq.master.product.sku')} {...bind('sku')} data-autofocus required />
        <TextField
          label={t('hq.master.product.price')}
          hint={t('hq.master.product.priceHint')}
          {...bind('price')}
          inputMode="decimal"
          required
        />
        <TextField label={t('hq.master.product.nameZh')} {...bind('nameZh')} required />
        <TextField label={t('hq.master.product.nameEn')} {...bind('nameEn')} required />
        <SelectField
          label={t('hq.master.product.category')}
          value={form.categoryId}
          onChange={set('categoryId')}
          error={errors.of('categoryId')}
        >
          <option value="">{t('hq.master.product.noCategory')}</option>
          {catalog.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} · {i18n.language === 'zh-CN' ? c.nameZh : c.nameEn}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('hq.master.product.taxRate')}
          hint={t('hq.master.product.taxRateHint')}
          {...bind('taxRate')}
          inputMode="decimal"
          required
        />
        <SelectField
          label={t('hq.master.product.unit')}
          value={form.unit}
          onChange={(v) => set('unit')(v as 'piece' | 'kg')}
        >
          <option value="piece">{t('hq.master.product.units.piece')}</option>
          <option value="kg">{t('hq.master.product.units.kg')}</option>
        </SelectField>
        <TextField
          label={t('hq.master.product.barcodes')}
          hint={t('hq.master.product.barcodesHint')}
          {...bind('barcodes')}
        />
      </div>
      <CheckField label={t('hq.master.product.active')} checked={form.active} onChange={set('active')} />
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
