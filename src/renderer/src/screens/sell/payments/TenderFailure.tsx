import { useTranslation } from 'react-i18next'
import { RotateCcw } from 'lucide-react'
import type { Tender } from '@shared/contract/channels/tenders'
import { useMoney } from '../../../lib/money'
import { statusKey } from './TenderProgress'
import { useFailureText } from './failure-text'
import type { TenderRequest } from './use-checkout'

/** A tender that did not go through: why, and try again (a new attempt) or pick another method. */
export function TenderFailure({
  tender,
  retry,
  busy,
  onRetry
}: {
  tender: Tender
  retry: TenderRequest | null
  busy: boolean
  onRetry: (request: TenderRequest) => void
}) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const money = useMoney()
  // A payment code is good once: trying again means scanning a fresh one in the form above.
  const canResubmit = retry !== null && retry.method === tender.method && retry.flow !== 'customer_code'
  return (
    <div className="tender-failure" role="alert">
      <p className="tender-failure__title">
        {t(statusKey(tender))} · {t(`payments.methods.${tender.method}`)} {money(tender.amount)}
      </p>
      {tender.failure && <p className="tender-failure__reason">{failureText(tender.failure)}</p>}
      <p className="tender-failure__hint">{t('payments.otherMethod')}</p>
      {canResubmit && (
        <button type="button" className="button" disabled={busy} onClick={() => onRetry(retry)}>
          <RotateCcw aria-hidden="true" size={20} /> {t('payments.tryAgain')}
        </button>
      )}
    </div>
  )
}
