import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import QRCode from 'qrcode'
import type { OrderDetail } from '@shared/contract/channels/orders'
import { useMoney } from '../lib/money'
import { useSettingsStore } from '../stores/settings-store'
import { useScreenTime } from '../lib/store-time'
import { StoreContact } from './StoreContact'
import { rateToPercent } from '@shared/money/rate-percent'

/**
 * The customer's receipt: store header, lines, discounts, tax, tenders, change, cashier,
 * time and the order number as a QR code (scan it at the till to find the order).
 */
export function Receipt({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const profile = useSettingsStore((s) => s.saved)
  // The receipt reads in the interface language, its time too ("Nov 30, 2026, 8:05:12 PM").
  const screenTime = useScreenTime()
  const [qr, setQr] = useState<string | null>(null)

  useEffect(() => {
    if (!order.number) return
    void QRCode.toDataURL(order.number, { margin: 1, width: 160 }).then(setQr)
  }, [order.number])

  const when = order.paidAt ?? order.createdAt
  const time = screenTime(when, { dateStyle: 'medium', timeStyle: 'medium' })
  const nameOf = (line: OrderDetail['lines'][number]): string =>
    i18n.language === 'en' && line.nameEn ? line.nameEn : line.name

  return (
    <article className="receipt" aria-label={t('receipt.title')}>
      <header className="receipt__header">
        <h3 className="receipt__store">{profile?.storeName}</h3>
        <StoreContact />
        {order.status === 'voided' && <p className="receipt__voided">{t('receipt.voided')}</p>}
        <dl className="receipt__meta">
          <dt>{t('receipt.order')}</dt>
          <dd>{order.number}</dd>
          <dt>{t('receipt.time')}</dt>
          <dd>{time}</dd>
          <dt>{t('receipt.cashier')}</dt>
          <dd>{order.cashierName ?? '—'}</dd>
          <dt>{t('receipt.terminal')}</dt>
          <dd>{order.terminal}</dd>
        </dl>
      </header>

      <table className="receipt__lines">
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <div>{nameOf(line)}</div>
                <div className="receipt__muted">
                  {line.quantity}
                  {line.unit === 'kg' ? ` ${t('sell.unitKg')}` : ''} × {money(line.unitPrice, order.currency)}
                  {line.lineDiscount > 0 ? ` − ${money(line.lineDiscount, order.currency)}` : ''}
                </div>
              </td>
              <td className="receipt__amount">{money(line.gross - line.lineDiscount, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="receipt__totals">
        <dt>{t('receipt.subtotal')}</dt>
        <dd>{money(order.grossTotal, order.currency)}</dd>
        {order.lineDiscountTotal > 0 && (
          <>
            <dt>{t('receipt.discounts')}</dt>
            <dd>−{money(order.lineDiscountTotal, order.currency)}</dd>
          </>
        )}
        {order.coupons
          .filter((coupon) => coupon.applied)
          .map((coupon) => (
            <div key={coupon.code} className="receipt__row">
              <dt>{t('receipt.coupon', { code: coupon.code })}</dt>
              <dd>−{money(coupon.discount, order.currency)}</dd>
            </div>
          ))}
        {order.taxByRate
          .filter((row) => row.tax > 0)
          .map((row) => (
            <div key={row.rate} className="receipt__row receipt__muted">
              <dt>
                {t(order.taxMode === 'inclusive' ? 'receipt.tax' : 'receipt.taxExclusive', {
                  rate: `${rateToPercent(row.rate)}%`
                })}
              </dt>
              <dd>{money(row.tax, order.currency)}</dd>
            </div>
          ))}
        {order.cashRounding !== 0 && (
          <>
            <dt>{t('receipt.cashRounding')}</dt>
            <dd>{money(order.cashRounding, order.currency)}</dd>
          </>
        )}
        <dt className="receipt__grand">{t('receipt.total')}</dt>
        <dd className="receipt__grand">{money(order.payable, order.currency)}</dd>
        {/* Each tender that took money (a declined or cancelled attempt is not on the receipt). */}
        {order.payments
          .filter((payment) => payment.status === 'succeeded')
          .map((payment) => {
            const pan = payment.maskedPan
            return (
              <div key={payment.id} className="receipt__row">
                <dt>
                  {t('receipt.tendered', { method: t(`receipt.methods.${payment.method}`) })}
                  {pan && <span className="receipt__muted receipt__pan">{pan}</span>}
                </dt>
                <dd>{money(payment.tendered, order.currency)}</dd>
              </div>
            )
          })}
        {order.changeGiven > 0 && (
          <>
            <dt>{t('receipt.change')}</dt>
            <dd>{money(order.changeGiven, order.currency)}</dd>
          </>
        )}
      </dl>

      <footer className="receipt__footer">
        {qr && <img src={qr} alt={order.number ?? ''} width={120} height={120} />}
        <p>{t('receipt.thanks')}</p>
      </footer>
    </article>
  )
}
