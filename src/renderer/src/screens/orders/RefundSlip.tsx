import { useTranslation } from 'react-i18next'
import type { Refund } from '@shared/contract/channels/refunds'
import { useMoney } from '../../lib/money'
import { useSettingsStore } from '../../stores/settings-store'
import { useScreenTime } from '../../lib/store-time'
import { StoreContact } from '../../components/StoreContact'

/** The slip a customer gets with their money back: what, how much, through which tender. */
export function RefundSlip({ refund }: { refund: Refund }) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const profile = useSettingsStore((s) => s.saved)
  // In the interface language, as the receipt.
  const time = useScreenTime()(refund.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })
  return (
    <article className="receipt" aria-label={t('refund.slip')}>
      <header className="receipt__header">
        <h3 className="receipt__store">{profile?.storeName}</h3>
        <StoreContact />
        <p className="receipt__voided">{t('refund.slipTitle')}</p>
        <dl className="receipt__meta">
          <dt>{t('refund.number')}</dt>
          <dd>{refund.number}</dd>
          <dt>{t('receipt.order')}</dt>
          <dd>{refund.orderNumber}</dd>
          <dt>{t('receipt.time')}</dt>
          <dd>{time}</dd>
          <dt>{t('refund.by')}</dt>
          <dd>{refund.requestedBy ?? '—'}</dd>
          {refund.approvedBy && (
            <>
              <dt>{t('refund.approvedBy')}</dt>
              <dd>{refund.approvedBy}</dd>
            </>
          )}
        </dl>
      </header>
      {refund.lines.length > 0 && (
        <table className="receipt__lines">
          <tbody>
            {refund.lines.map((line) => (
              <tr key={line.lineId}>
                <td>
                  {i18n.language === 'en' && line.nameEn ? line.nameEn : line.name} × {line.quantity}
                </td>
                <td className="receipt__amount">−{money(line.amount, refund.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="receipt__totals">
        <dt>{t('refund.reason')}</dt>
        <dd className="receipt__text">{refund.reason}</dd>
        <dt className="receipt__grand">{t('refund.total')}</dt>
        <dd className="receipt__grand">−{money(refund.amount, refund.currency)}</dd>
        {refund.tenders.map((tender) => (
          <div key={tender.outRequestNo} className="receipt__row">
            <dt>{t('refund.backTo', { method: t(`receipt.methods.${tender.method}`) })}</dt>
            <dd>{money(tender.amount, refund.currency)}</dd>
          </div>
        ))}
      </dl>
    </article>
  )
}
