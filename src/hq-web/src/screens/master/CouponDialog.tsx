import { useTranslation } from 'react-i18next'
import { TextField } from '@renderer/components/TextField'
import { minorToDecimalString } from '@shared/money/format'
import { hqApi } from '@shared/hq-api/index'
import type { HqCoupon } from '@shared/hq-api/master-data-schemas'
import type { HqStore } from '@shared/hq-api/stores'
import { SelectField } from '@renderer/components/SelectField'
import { call } from '../../api/client'
import { MasterDialog, useMasterForm } from './master-kit'
import { CheckField } from './shared'

const FIELDS = [
  'coupon.code',
  'coupon.type',
  'coupon.amount',
  'coupon.rate',
  'coupon.minSpend',
  'coupon.validFrom',
  'coupon.validTo',
  'coupon.usageLimit'
] as const

/** A store's coupon: amounts in yuan (exact fen at the head office), dates in the store's zone, the limit. */
export function CouponDialog({
  store,
  currency,
  coupon,
  onClose,
  onSaved
}: {
  store: HqStore
  /** The store's currency: amounts are shown and typed in its major unit. */
  currency: string
  coupon: HqCoupon | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const yuan = (minor: number | null) => (minor === null ? '' : minorToDecimalString(minor, currency))
  const { form, set, bind, error, errors, submit } = useMasterForm(
    () => ({
      code: coupon?.code ?? '',
      type: coupon?.type ?? ('amount' as 'amount' | 'rate'),
      amount: yuan(coupon?.amountMinor ?? null),
      rate: coupon?.rate ?? '',
      minSpend: yuan(coupon?.minSpendMinor ?? null),
      validFrom: coupon?.validFrom ?? '',
      validTo: coupon?.validTo ?? '',
      usageLimit: coupon?.usageLimit === null || !coupon ? '' : String(coupon.usageLimit),
      active: coupon?.active ?? true
    }),
    FIELDS
  )
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim())

  const save = async () => {
    const limit = optional(form.usageLimit)
    await call(hqApi.master.saveCoupon, {
      ...(coupon ? { id: coupon.id } : {}),
      storeId: store.id,
      coupon: {
        code: form.code,
        type: form.type,
        ...(form.type === 'amount' ? { amount: form.amount } : { rate: form.rate }),
        ...(optional(form.minSpend) ? { minSpend: optional(form.minSpend)! } : {}),
        ...(optional(form.validFrom) ? { validFrom: optional(form.validFrom)! } : {}),
        ...(optional(form.validTo) ? { validTo: optional(form.validTo)! } : {}),
        // Not a number: sent as is, so the head office names the field.
        ...(limit ? { usageLimit: /^\d+$/.test(limit) ? Number(limit) : (limit as unknown as number) } : {}),
        active: form.active
      }
    })
    onSaved()
  }

  return (
    <MasterDialog
      title={coupon ? t('hq.master.coupon.titleEdit', { code: coupon.code }) : t('hq.master.coupon.titleNew')}
      wide
      onClose={onClose}
      onSubmit={submit(save)}
      error={error}
      notice={errors.notice}
    >
      <div className="hq-master__grid">
        <TextField
          label={t('hq.master.coupon.code')}
          {...bind('code', 'coupon.code')}
          data-autofocus
          required
        />
        <SelectField
          label={t('hq.master.coupon.type')}
          value={form.type}
          onChange={(v) => set('type')(v as 'amount' | 'rate')}
        >
          <option value="amount">{t('hq.master.coupon.types.amount')}</option>
          <option value="rate">{t('hq.master.coupon.types.rate')}</option>
        </SelectField>
        {form.type === 'amount' ? (
          <TextField
            label={t('hq.master.coupon.amount')}
            {...bind('amount', 'coupon.amount')}
            inputMode="decimal"
            required
          />
        ) : (
          <TextField
            label={t('hq.master.coupon.rate')}
            hint={t('hq.master.coupon.rateHint')}
            {...bind('rate', 'coupon.rate')}
            inputMode="decimal"
            required
          />
        )}
        <TextField
          label={t('hq.master.coupon.minSpend')}
          {...bind('minSpend', 'coupon.minSpend')}
          inputMode="decimal"
        />
        <TextField
          label={t('hq.master.coupon.validFrom')}
          hint={t('hq.master.coupon.dateHint')}
          {...bind('validFrom', 'coupon.validFrom')}
          placeholder="2026-12-01"
        />
        <TextField
          label={t('hq.master.coupon.validTo')}
          {...bind('validTo', 'coupon.validTo')}
          placeholder="2026-12-31"
        />
      </div>
      <TextField
        label={t('hq.master.coupon.usageLimit')}
        hint={t('hq.master.coupon.usageLimitHint')}
        {...bind('usageLimit', 'coupon.usageLimit')}
        inputMode="numeric"
      />
      <CheckField label={t('hq.master.state.active')} checked={form.active} onChange={set('active')} />
    </MasterDialog>
  )
}
