import { useTranslation } from 'react-i18next'
import { useFailureText } from './failure-text'
import type { Tender } from '@shared/contract/channels/tenders'
import { useMoney } from '../../../lib/money'
import { statusKey } from './TenderProgress'

/** Every tender taken towards this order, with its outcome: the split so far. */
export function TenderList({ tenders, currency }: { tenders: Tender[]; currency: string }) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const money = useMoney()
  return (
    <table className="tender-list" aria-label={t('payments.tenders.title')}>
      <caption className="tender-list__caption">{t('payments.tenders.title')}</caption>
      <tbody>
        {tenders.map((tender) => {
          const method = t(`payments.methods.${tender.method}`)
          return (
            <tr key={tender.id} className={`tender-list__row is-${tender.status}`}>
              <th scope="row">
                <span className="tender-list__method">{method}</span>
                {tender.maskedPan && (
                  <span className="tender-list__pan">
                    {t('payments.tenders.card', { pan: tender.maskedPan })}
                  </span>
                )}
                <span className="tender-list__status">
                  {t(statusKey(tender), { method })}
                  {tender.failure && tender.status !== 'succeeded' ? ` — ${failureText(tender.failure)}` : ''}
                </span>
              </th>
              <td className="tender-list__amount">{money(tender.amount, currency)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
