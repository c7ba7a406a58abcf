import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import type { OrderDetail } from '@shared/hq-api/settlement'
import { useMoney } from '../../lib/money'
import { useDateTime } from '../../lib/time'
import { OrderStandingText } from './OrderStandingText'

/** One order as the till recorded it: header, lines, tenders and any refunds. */
export function OrderView({ order, timeZone }: { order: OrderDetail; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const dateTime = useDateTime()
  const c = order.currency
  return (
    <div className="hq-order" data-testid="order-detail">
      <dl className="hq-order__meta">
        <div>
          <dt>{t('hq.settlement.order.till')}</dt>
          <dd>
            {order.tillCode}
            {order.beforeRestore && (
              <span className="badge hq-badge badge--warn hq-before-restore" data-testid="before-restore">
                {t('hq.settlement.beforeRestore')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('hq.settlement.order.paidAt')}</dt>
          <dd>{dateTime(order.paidAt, timeZone)}</dd>
        </div>
        <div>
          <dt>{t('hq.settlement.order.cashier')}</dt>
          <dd>{order.cashierName ?? t('hq.common.none')}</dd>
        </div>
        <div>
          <dt>{t('hq.settlement.order.total')}</dt>
          <dd className="strong">{money(order.total, c)}</dd>
        </div>
        <div>
          <dt>{t('hq.settlement.order.status')}</dt>
          <dd data-testid="order-standing">
            <OrderStandingText order={order} />
          </dd>
        </div>
      </dl>
      <h3>{t('hq.settlement.order.lines')}</h3>
      <table className="table hq-table">
        <TableHead
          columns={[
            { label: t('hq.settlement.order.item') },
            { label: t('hq.settlement.order.quantity'), numeric: true },
            { label: t('hq.settlement.order.lineTotal'), numeric: true }
          ]}
        />
        <tbody>
          {order.lines.map((line, i) => (
            <tr key={i}>
              <td>{i18n.language === 'en' && line.nameEn ? line.nameEn : line.name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.total, c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('hq.settlement.order.tenders')}</h3>
      <table className="table hq-table">
        <TableHead
          columns={[
            { label: t('hq.settlement.order.method') },
            { label: t('hq.settlement.order.amount'), numeric: true },
            { label: t('hq.settlement.order.status') }
          ]}
        />
        <tbody>
          {order.tenders.map((tender, i) => (
            <tr key={i}>
              <td>{t(`payments.methods.${tender.method}`, { defaultValue: tender.method })}</td>
              <td className="num">{money(tender.amount, c)}</td>
              <td data-testid="tender-status">
                {/* A void gives a paid order's money back: its tenders no longer stand as paid. */}
                {order.voidedAt && tender.status === 'succeeded'
                  ? t('hq.settlement.tenderVoided')
                  : t(`payments.status.${tender.status}`, { defaultValue: tender.status })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.refunds.length > 0 && (
        <>
          <h3>{t('hq.settlement.order.refunds')}</h3>
          <table className="table hq-table" data-testid="order-refunds">
            <TableHead
              columns={[
                { label: t('hq.settlement.order.number') },
                { label: t('hq.settlement.order.refundedAt') },
                { label: t('hq.settlement.order.amount'), numeric: true },
                { label: t('hq.settlement.order.status') }
              ]}
            />
            <tbody>
              {order.refunds.map((refund) => (
                <tr key={refund.number}>
                  <td>{refund.number}</td>
                  <td>{dateTime(refund.createdAt, timeZone)}</td>
                  <td className="num">{money(-refund.amount, c)}</td>
                  <td>{t(`payments.status.${refund.status}`, { defaultValue: refund.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
