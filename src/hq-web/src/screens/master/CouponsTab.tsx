import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import { hqApi } from '@shared/hq-api/index'
import type { HqCoupon } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useMoney } from '../../lib/money'
import { CouponDialog } from './CouponDialog'
import type { MasterTabProps } from './shared'

/** A rate as typed (`0.125`) as a percentage (`12.5%`), by moving the decimal point — no float. */
export function percentOf(rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.')
  const digits = fraction.padEnd(2, '0')
  const integer = (whole + digits.slice(0, 2)).replace(/^0+(?=\d)/, '')
  const rest = digits.slice(2).replace(/0+$/, '')
  return `${integer}${rest ? `.${rest}` : ''}%`
}

/** A store's coupons: value, validity, uses against the limit and each till's allotment. */
export function CouponsTab(props: MasterTabProps) {
  const { store, readOnly } = props
  const { t } = useTranslation()
  const money = useMoney()
  const { data, error, reload } = useLoad(() => call(hqApi.master.coupons, { storeId: store.id }), store.id)
  const coupons = data?.coupons ?? null
  const currency = data?.currency ?? 'CNY'
  const [editing, setEditing] = useState<HqCoupon | 'new' | null>(null)

  return (
    <div className="hq-master__tab">
      <div className="hq-master__toolbar">
        <span />
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('hq.master.coupon.new')}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
      {coupons?.length === 0 && <p className="empty-state">{t('hq.master.coupon.empty')}</p>}
      {coupons && coupons.length > 0 && (
        <div className="hq-table-wrap hq-master__table">
          <table className="table hq-table">
            <TableHead
              columns={[
                { label: t('hq.master.coupon.columns.code') },
                { label: t('hq.master.coupon.columns.value') },
                { label: t('hq.master.coupon.columns.valid') },
                { label: t('hq.master.coupon.columns.used'), numeric: true },
                { label: t('hq.master.coupon.columns.allotments') },
                { label: t('hq.master.coupon.columns.status') },
                { label: t('hq.master.coupon.columns.actions') }
              ]}
            />
            <tbody>
              {coupons.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.code}</th>
                  <td>
                    {c.type === 'amount'
                      ? `−${money(c.amountMinor ?? 0, currency)}`
                      : `−${percentOf(c.rate ?? '0')}`}
                    {c.minSpendMinor !== null && (
                      <span className="muted"> ≥ {money(c.minSpendMinor, currency)}</span>
                    )}
                  </td>
                  <td>
                    {c.validFrom === null && c.validTo === null
                      ? t('hq.master.coupon.unlimited')
                      : [c.validFrom ?? '…', c.validTo ?? '…'].join(' – ')}
                  </td>
                  <td className="num">
                    {c.usageLimit === null
                      ? `${c.used} / ${t('hq.master.coupon.unlimited')}`
                      : t('hq.master.coupon.usedOf', { used: c.used, limit: c.usageLimit })}
                  </td>
                  <td className="hq-master__wrap">
                    {c.usageLimit === null
                      ? '—'
                      : c.allotments.length === 0
                        ? t('hq.master.coupon.noAllotments')
                        : c.allotments
                            .map((a) =>
                              t('hq.master.coupon.allotment', {
                                till: a.tillCode,
                                used: a.used,
                                uses: a.uses
                              })
                            )
                            .join('; ')}
                  </td>
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
        <CouponDialog
          store={store}
          currency={currency}
          coupon={editing === 'new' ? null : editing}
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
