import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Save } from 'lucide-react'
import {
  PRODUCT_UNITS,
  productInputSchema,
  type ApiError,
  type Category,
  type Product,
  type ProductUnit
} from '@shared/contract'
import { call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { useAmountConfirm, useAmountQuestions } from '../../components/AmountConfirm'
import { TextField } from '../../components/TextField'
import { Field } from '../../components/Field'
import { toApiError } from '../../stores/settings-store'
import { errorFor } from './catalog-text'
import { useErrorText } from '../../i18n/error-text'
import { rateToPercent } from '@shared/money/rate-percent'
import { zodRefusal } from '@shared/contract/error-reasons'

/** The rates a Chinese shop meets most (VAT 13%, 9%, 6%, small-scale 3% and 1%, exempt 0%). */
const COMMON_RATES = ['0.13', '0.09', '0.06', '0.03', '0.01', '0']

interface Draft {
  sku: string
  barcodes: string
  nameZh: string
  nameEn: string
  categoryId: string
  price: string
  taxRate: string
  unit: ProductUnit
  active: boolean
  scaleCode: string
}

function draftOf(product: Product | null, categoryId: string | null): Draft {
  if (!product) {
    return {
      sku: '',
      barcodes: '',
      nameZh: '',
      nameEn: '',
      categoryId: categoryId ?? '',
      price: '',
      taxRate: '0.13',
      unit: 'piece',
      active: true,
      scaleCode: ''
    }
  }
  return {
    sku: product.sku,
    barcodes: product.barcodes.join(' '),
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    categoryId: product.categoryId ?? '',
    price: product.price,
    taxRate: product.taxRate,
    unit: product.unit,
    active: product.active,
    scaleCode: product.scaleCode ?? ''
  }
}

interface ProductDialogProps {
  /** The product to edit, or null to add one. */
  product: Product | null
  categories: Category[]
  /** The category filter in use, preselected for a new product. */
  defaultCategoryId: string | null
  currency: string
  onClose(): void
  onSaved(product: Product): void
}

/**
 * Add or edit a product. Main checks everything (and parses the price); its refusals show beside the
 * field. A new price of 0 or above `PRICE_CONFIRM_ABOVE` is asked about first, naming it, and sent
 * with `confirmUnusualPrice`.
 */
export function ProductDialog({
  product,
  categories,
  defaultCategoryId,
  currency,
  onClose,
  onSaved
}: ProductDialogProps) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const [draft, setDraft] = useState<Draft>(() => draftOf(product, defaultCategoryId))
  const [error, setError] = useState<ApiError | null>(null)
  // Every field's problem at once, found by the contract's own schema before saving (as coupons do).
  const [issues, setIssues] = useState<ApiError[]>([])
  const [busy, setBusy] = useState(false)
  const questions = useAmountQuestions()
  const { confirm, dialog } = useAmountConfirm()
  const edit = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }))
    // A field changed is no longer wrong until the next save says so.
    const changed = Object.keys(patch)
    setIssues((found) => found.filter((issue) => !changed.some((field) => errorFor(issue, field))))
  }
  const err = (field: string): string | undefined => {
    const found = issues.map((issue) => errorFor(issue, field)).find(Boolean) ?? errorFor(error, field)
    return found ? errorText(found, { beside: true }) : undefined
  }
  const rates = COMMON_RATES.includes(draft.taxRate) ? COMMON_RATES : [...COMMON_RATES, draft.taxRate]
  const zh = i18n.language === 'zh-CN'

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    const fields = {
      sku: draft.sku,
      barcodes: draft.barcodes.split(/[\s,|]+/).filter((code) => code !== ''),
      nameZh: draft.nameZh,
      nameEn: draft.nameEn,
      categoryId: draft.categoryId === '' ? null : draft.categoryId,
      price: draft.price.trim(),
      taxRate: draft.taxRate,
      unit: draft.unit,
      active: draft.active,
      // Only goods sold by weight carry a scale code; '' clears it.
      scaleCode: draft.unit === 'kg' ? draft.scaleCode.trim() : ''
    }
    const parsed = productInputSchema.safeParse(fields)
    const found = parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue))
    setIssues(found)
    if (found.length > 0) return
    try {
      const question = questions.price(fields.price, currency, 'price', product?.priceMinor ?? null)
      const saved = await confirm(question, (confirmed) => {
        // "Saving…" once it is sent, not while the question is open.
        setBusy(true)
        const sent = { ...fields, ...(confirmed ? { confirmUnusualPrice: true } : {}) }
        return product
          ? call('catalog:update-product', { id: product.id, ...sent })
          : call('catalog:create-product', sent)
      })
      if (saved) onSaved(saved)
      else setBusy(false)
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  const formId = product ? 'product-edit-form' : 'product-add-form'
  const general =
    error && !error.field
      ? errorText(error)
      : error?.field &&
          ![
            'sku',
            'barcodes',
            'nameZh',
            'nameEn',
            'categoryId',
            'price',
            'taxRate',
            'unit',
            'scaleCode'
          ].some((f) => errorFor(error, f))
        ? errorText(error)
        : null

  return (
    <Dialog
      open
      size="wide"
      title={product ? t('catalog.dialog.editTitle') : t('catalog.dialog.addTitle')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('catalog.dialog.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>
            <Save aria-hidden="true" size={20} />{' '}
            {busy ? t('catalog.dialog.saving') : t('catalog.dialog.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="product-form" onSubmit={(e) => void save(e)} noValidate>
        <TextField
          label={t('catalog.dialog.nameZh')}
          error={err('nameZh')}
          lang="zh-CN"
          value={draft.nameZh}
          maxLength={120}
          autoFocus
          onChange={(value) => edit({ nameZh: value })}
        />
        <TextField
          label={t('catalog.dialog.nameEn')}
          error={err('nameEn')}
          lang="en"
          value={draft.nameEn}
          maxLength={120}
          onChange={(value) => edit({ nameEn: value })}
        />
        <TextField
          label={t('catalog.dialog.sku')}
          hint={t('catalog.dialog.skuHint')}
          error={err('sku')}
          value={draft.sku}
          maxLength={40}
          autoComplete="off"
          onChange={(value) => edit({ sku: value })}
        />
        <Field
          label={t('catalog.dialog.barcodes')}
          hint={t('catalog.dialog.barcodesHint')}
          error={err('barcodes')}
        >
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="numeric"
              autoComplete="off"
              value={draft.barcodes}
              // A scanner ends with Enter: keep the code and wait for the next one instead of submitting.
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  if (draft.barcodes !== '' && !draft.barcodes.endsWith(' '))
                    edit({ barcodes: `${draft.barcodes} ` })
                }
              }}
              onChange={(e) => edit({ barcodes: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalog.dialog.category')} error={err('categoryId')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={draft.categoryId}
              onChange={(e) => edit({ categoryId: e.target.value })}
            >
              <option value="">{t('catalog.dialog.noCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {zh ? c.nameZh : c.nameEn}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('catalog.dialog.unit')} error={err('unit')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={draft.unit}
              onChange={(e) => edit({ unit: e.target.value as ProductUnit })}
            >
              {PRODUCT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit === 'kg' ? t('catalog.dialog.unitKg') : t('catalog.dialog.unitPiece')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.unit === 'kg' && (
          <TextField
            label={t('catalog.dialog.scaleCode')}
            hint={t('catalog.dialog.scaleCodeHint')}
            error={err('scaleCode')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={draft.scaleCode}
            onChange={(value) => edit({ scaleCode: value })}
          />
        )}
        <TextField
          label={t('catalog.dialog.price', { currency })}
          hint={t('catalog.dialog.priceHint')}
          error={err('price')}
          inputMode="decimal"
          autoComplete="off"
          value={draft.price}
          placeholder="0.00"
          onChange={(value) => edit({ price: value })}
        />
        <Field label={t('catalog.dialog.taxRate')} error={err('taxRate')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={draft.taxRate}
              onChange={(e) => edit({ taxRate: e.target.value })}
            >
              {rates.map((rate) => (
                <option key={rate} value={rate}>
                  {t('catalog.percent', { value: rateToPercent(rate) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => edit({ active: e.target.checked })}
          />
          <span>{t('catalog.dialog.active')}</span>
        </label>
        {general && (
          <p role="alert" className="notice notice--error product-form__wide">
            {general}
          </p>
        )}
      </form>
      {dialog}
    </Dialog>
  )
}
