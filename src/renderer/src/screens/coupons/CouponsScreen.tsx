import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Pencil, Plus } from 'lucide-react'
import {
  couponInputSchema,
  type Coupon,
  type CouponInput,
  type CouponListItem,
  type CouponStanding
} from '@shared/contract/channels/coupons'
import { minorToDecimalString } from '@shared/money/format'
import { ApiCallError, apiErrorOf, call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { Field } from '../../components/Field'
import { MINUS, useMoney } from '../../lib/money'
import { useSettingsStore } from '../../stores/settings-store'
import { ScreenHeader } from '../../components/ScreenHeader'
import { TableHead } from '../../components/TableHead'
import { percentToRate, rateToPercent } from '@shared/money/rate-percent'
import { useErrorText } from '../../i18n/error-text'
import { zodRefusal, type ApiError } from '@shared/contract'
import { rateToZhe } from '@shared/money/rate-zhe'

interface Draft {
  code: string
  type: 'rate' | 'amount'
  percent: string
  amount: string
  minSpend: string
  validFrom: string
  validTo: string
  usageLimit: string
  active: boolean
}

const EMPTY: Draft = {
  code: '',
  type: 'rate',
  percent: '',
  amount: '',
  minSpend: '',
  validFrom: '',
  validTo: '',
  usageLimit: '',
  active: true
}

/** The draft as the API takes it: the percent typed becomes a rate, empty optional fields go. */
function toInput(d: Draft): CouponInput {
  const usageLimit = d.usageLimit.trim()
  return {
    code: d.code.trim(),
    type: d.type,
    ...(d.type === 'rate' ? { rate: percentToRate(d.percent.trim()) } : { amount: d.amount.trim() }),
    ...(d.minSpend.trim() ? { minSpend: d.minSpend.trim() } : {}),
    ...(d.validFrom ? { validFrom: d.validFrom } : {}),
    ...(d.validTo ? { validTo: d.validTo } : {}),
    // Not a whole number: "1.5" goes as 1.5 (refused: must be a whole number), anything else that
    // is not plain digits ("1e3", "abc") as typed (refused: must be a number) — Number() would
    // read "1e3" as 1000.
    ...(usageLimit
      ? {
          usageLimit: /^\d+(\.\d+)?$/.test(usageLimit)
            ? Number(usageLimit)
            : (usageLimit as unknown as number)
        }
      : {}),
    active: d.active
  }
}

/** The percent field is a percentage on screen: more than 0, at most 100 (not the rate's 0 to 1). */
function percentIssue(percent: string): ApiError | undefined {
  const typed = percent.trim().replace(/\s*%$/, '')
  if (typed === '') return undefined // the schema says it is required
  if (/^\d+(\.\d+)?$/.test(typed) && Number(typed) > 0 && Number(typed) <= 100) return undefined
  return {
    code: 'VALIDATION',
    field: 'rate',
    message: 'rate: must be from 0 to 100',
    key: 'errors.validation.range',
    params: { minimum: '0', maximum: '100' }
  }
}

const STANDING_PILL: Record<CouponStanding, string> = {
  active: 'status-pill status-pill--paid',
  disabled: 'status-pill',
  notYetValid: 'status-pill',
  expired: 'status-pill status-pill--voided',
  usedUp: 'status-pill'
}

/** Coupons, kept by managers: a code, a rate or an amount, a minimum spend, dates and a usage limit. */
export function CouponsScreen() {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const currency = useSettingsStore((s) => s.saved?.currency ?? 'CNY')
  const [coupons, setCoupons] = useState<CouponListItem[]>([])
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  // Every field's problem at once, found by the contract's own schema before saving.
  const [issues, setIssues] = useState<ApiError[]>([])
  const errorText = useErrorText()

  const load = useCallback(() => void call('coupons:list', {}).then(setCoupons), [])
  useEffect(load, [load])

  const edit = (coupon: Coupon | null): void => {
    setError(null)
    setIssues([])
    if (!coupon) return setEditing({ id: null, draft: EMPTY })
    setEditing({
      id: coupon.id,
      draft: {
        code: coupon.code,
        type: coupon.type,
        percent: coupon.rate ? rateToPercent(coupon.rate) : '',
        amount: coupon.amount !== null ? minorToDecimalString(coupon.amount, currency) : '',
        minSpend: coupon.minSpend !== null ? minorToDecimalString(coupon.minSpend, currency) : '',
        validFrom: coupon.validFrom ?? '',
        validTo: coupon.validTo ?? '',
        usageLimit: coupon.usageLimit !== null ? String(coupon.usageLimit) : '',
        active: coupon.active
      }
    })
  }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!editing) return
    const d = editing.draft
    const input = toInput(d)
    const percent = d.type === 'rate' ? percentIssue(d.percent) : undefined
    const parsed = couponInputSchema.safeParse(input)
    // The percent's own words first: the rate's "0 to 1" is not what the manager typed.
    const found = [
      ...(percent ? [percent] : []),
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue)))
    ].filter((issue, i, all) => all.findIndex((other) => other.field === issue.field) === i)
    setIssues(found)
    setError(null)
    if (found.length > 0) return
    try {
      if (editing.id) await call('coupons:update', { id: editing.id, coupon: input })
      else await call('coupons:create', input)
      setEditing(null)
      load()
    } catch (caught) {
      if (caught instanceof ApiCallError) setError(apiErrorOf(caught))
    }
  }

  const set = (patch: Partial<Draft>): void => {
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e))
    // A field changed is no longer wrong until the next save says so.
    const fields = Object.keys(patch).map((key) => (key === 'percent' ? 'rate' : key))
    setIssues((found) => found.filter((issue) => !(issue.field && fields.includes(issue.field))))
  }
  const errorFor = (...fields: string[]): string | undefined => {
    const found =
      issues.find((issue) => issue.field && fields.includes(issue.field)) ??
      (error?.field && fields.includes(error.field) ? error : undefined)
    return found ? errorText(found, { beside: true }) : undefined
  }
  const d = editing?.draft
  return (
    <section className="screen" aria-labelledby="coupons-title">
      <ScreenHeader titleId="coupons-title" title={t('coupons.title')} subtitle={t('coupons.subtitle')}>
        <button type="button" className="button button--primary" onClick={() => edit(null)}>
          <Plus aria-hidden="true" size={20} /> {t('coupons.add')}
        </button>
      </ScreenHeader>

      {coupons.length === 0 ? (
        <p className="empty-state">{t('coupons.none')}</p>
      ) : (
        <table className="table card-table">
          <TableHead
            columns={[
              { label: t('coupons.columns.code') },
              { label: t('coupons.columns.value') },
              { label: t('coupons.columns.minSpend') },
              { label: t('coupons.columns.valid') },
              { label: t('coupons.columns.used'), numeric: true },
              { label: t('coupons.columns.status') },
              { label: t('coupons.edit'), hidden: true }
            ]}
          />
          <tbody>
            {coupons.map((coupon) => (
              <tr key={coupon.id}>
                <th scope="row">
                  <span className="badge">{coupon.code}</span>
                </th>
                <td>
                  {coupon.type === 'rate'
                    ? i18n.language === 'zh-CN'
                      ? t('coupons.zheOff', {
                          zhe: rateToZhe(coupon.rate ?? '0'),
                          rate: `${rateToPercent(coupon.rate ?? '0')}%`
                        })
                      : t('coupons.percentOff', { rate: `${rateToPercent(coupon.rate ?? '0')}%` })
                    : `${MINUS}${money(coupon.amount ?? 0)}`}
                </td>
                <td>{coupon.minSpend !== null ? money(coupon.minSpend) : '—'}</td>
                <td>
                  {coupon.validFrom ?? '…'} – {coupon.validTo ?? '…'}
                </td>
                <td className="num">
                  {coupon.usageLimit !== null
                    ? t('coupons.usedOfLimit', { used: coupon.usedCount, limit: coupon.usageLimit })
                    : t('coupons.usedNoLimit', { used: coupon.usedCount })}
                </td>
                <td>
                  <span className={STANDING_PILL[coupon.standing]}>
                    {t(`coupons.standing.${coupon.standing}`)}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('coupons.editCode', { code: coupon.code })}
                    onClick={() => edit(coupon)}
                  >
                    <Pencil aria-hidden="true" size={18} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Dialog
        title={editing?.id ? t('coupons.editTitle') : t('coupons.addTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {d && (
          <form onSubmit={(event) => void save(event)} noValidate>
            <TextField
              label={t('coupons.fields.code')}
              error={errorFor('code')}
              value={d.code}
              disabled={editing?.id !== null}
              onChange={(value) => set({ code: value.toUpperCase() })}
            />
            <Field label={t('coupons.fields.type')} error={errorFor('type')}>
              {(props) => (
                <select
                  {...props}
                  className="input"
                  value={d.type}
                  onChange={(e) => set({ type: e.target.value as Draft['type'] })}
                >
                  <option value="rate">{t('coupons.fields.typeRate')}</option>
                  <option value="amount">{t('coupons.fields.typeAmount')}</option>
                </select>
              )}
            </Field>
            {d.type === 'rate' ? (
              <TextField
                label={t('coupons.fields.percent')}
                error={errorFor('rate')}
                inputMode="decimal"
                value={d.percent}
                onChange={(value) => set({ percent: value })}
              />
            ) : (
              <TextField
                label={t('coupons.fields.amount', { currency })}
                error={errorFor('amount')}
                inputMode="decimal"
                value={d.amount}
                onChange={(value) => set({ amount: value })}
              />
            )}
            <TextField
              label={t('coupons.fields.minSpend', { currency })}
              error={errorFor('minSpend')}
              inputMode="decimal"
              value={d.minSpend}
              onChange={(value) => set({ minSpend: value })}
            />
            <div className="two-columns">
              <TextField
                label={t('coupons.fields.validFrom')}
                error={errorFor('validFrom')}
                type="date"
                value={d.validFrom}
                onChange={(value) => set({ validFrom: value })}
              />
              <TextField
                label={t('coupons.fields.validTo')}
                error={errorFor('validTo')}
                type="date"
                value={d.validTo}
                onChange={(value) => set({ validTo: value })}
              />
            </div>
            <TextField
              label={t('coupons.fields.usageLimit')}
              error={errorFor('usageLimit')}
              inputMode="numeric"
              value={d.usageLimit}
              onChange={(value) => set({ usageLimit: value })}
            />
            <label className="checkbox">
              <input type="checkbox" checked={d.active} onChange={(e) => set({ active: e.target.checked })} />{' '}
              {t('coupons.fields.active')}
            </label>
            {error && !error.field && (
              <p className="field__error" role="alert">
                {errorText(error)}
              </p>
            )}
            <div className="dialog__actions">
              <button type="button" className="button button--ghost" onClick={() => setEditing(null)}>
                {t('coupons.cancel')}
              </button>
              <button type="submit" className="button button--primary">
                {t('coupons.save')}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  )
}
