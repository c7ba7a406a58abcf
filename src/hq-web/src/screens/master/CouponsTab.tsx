import { useTranslation } from 'react-i18next'
import { hqApi } from '@shared/hq-api/index'
import type { HqCoupon } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { useMoney } from '../../lib/money'
import { CouponDialog } from './CouponDialog'
import { MasterTable, RowButton, stateColumn, useEditing } from './master-kit'
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
  const editing = useEditing<HqCoupon>(reload)

  const column = (key: string) => t(`hq.master.coupon.columns.${key}`)

  return (
    <>
      <MasterTable
        rows={coupons}
        readOnly={readOnly}
        newLabel={t('hq.master.coupon.new')}
        onNew={editing.startNew}
        error={error}
        emptyText={t('hq.master.coupon.empty')}
        columns={[
          { label: column('code'), cell: (c) => c.code },
          {
            label: column('value'),
            cell: (c) => (
              <>
                {c.type === 'amount'
                  ? `−${money(c.amountMinor ?? 0, currency)}`
                  : `−${percentOf(c.rate ?? '0')}`}
                {c.minSpendMinor !== null && (
                  <span className="muted"> ≥ {money(c.minSpendMinor, currency)}</span>
                )}
              </>
            )
          },
          {
            label: column('valid'),
            cell: (c) =>
              c.validFrom === null && c.validTo === null
                ? t('hq.master.coupon.unlimited')
                : [c.validFrom ?? '…', c.validTo ?? '…'].join(' – ')
          },
          {
            label: column('used'),
            numeric: true,
            cell: (c) =>
              c.usageLimit === null
                ? `${c.used} / ${t('hq.master.coupon.unlimited')}`
                : t('hq.master.coupon.usedOf', { used: c.used, limit: c.usageLimit })
          },
          {
            label: column('allotments'),
            className: 'hq-master__wrap',
            cell: (c) =>
              c.usageLimit === null
                ? '—'
                : c.allotments.length === 0
                  ? t('hq.master.coupon.noAllotments')
                  : c.allotments
                      .map((a) =>
                        t('hq.master.coupon.allotment', { till: a.tillCode, used: a.used, uses: a.uses })
                      )
                      .join('; ')
          },
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
        <CouponDialog
          store={store}
          currency={currency}
          coupon={editing.current}
          onClose={editing.close}
          onSaved={editing.saved}
        />
      )}
    </>
  )
}
