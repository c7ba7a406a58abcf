import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import QRCode from 'qrcode'
import { LoaderCircle, XCircle } from 'lucide-react'
import type { Tender } from '@shared/contract/channels/tenders'
import { useMoney } from '../../../lib/money'

/** What the cashier reads while a tender waits, in the words of the flow it is in. */
export function statusKey(tender: Tender): string {
  switch (tender.status) {
    case 'created':
      return 'payments.status.created'
    case 'pending':
      if (tender.flow === 'merchant_qr') return 'payments.status.waitScan'
      if (tender.flow === 'terminal') return 'payments.status.waitCard'
      return 'payments.status.waitCustomer'
    case 'user_paying':
      return tender.flow === 'terminal' ? 'payments.status.waitCard' : 'payments.status.userPaying'
    case 'unknown':
      return 'payments.status.unknown'
    case 'succeeded':
    case 'failed':
    case 'closed':
    case 'reversed':
      return `payments.status.${tender.status}`
    default:
      return 'payments.status.waitCustomer'
  }
}

/**
 * A tender in progress: a spinner and what is happening, the QR code to scan (merchant QR)
 * with its countdown, and Cancel. An `unknown` tender says the outcome is being checked.
 */
export function TenderProgress({
  tender,
  currency,
  busy,
  onCancel
}: {
  tender: Tender
  currency: string
  busy: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const method = t(`payments.methods.${tender.method}`)
  return (
    <div className="tender-progress">
      {tender.qrContent && tender.flow === 'merchant_qr' && (
        <MerchantQr
          content={tender.qrContent}
          amount={money(tender.amount, currency)}
          method={method}
          expiresAt={tender.expiresAt}
        />
      )}
      <div className="tender-progress__row">
        <div
          className={`tender-progress__status${tender.status === 'unknown' ? ' is-unknown' : ''}`}
          role="status"
          aria-live="polite"
        >
          <LoaderCircle aria-hidden="true" size={34} className="spin" />
          <div>
            <p className="tender-progress__what">
              {method} · {money(tender.amount, currency)}
              {tender.maskedPan ? ` · ${tender.maskedPan}` : ''}
            </p>
            <p className="tender-progress__text">{t(statusKey(tender), { method })}</p>
          </div>
        </div>
        <button
          type="button"
          className="button button--danger-ghost button--big"
          disabled={busy}
          onClick={onCancel}
        >
          <XCircle aria-hidden="true" size={22} />{' '}
          {busy ? t('payments.cancelling') : t('payments.cancelTender')}
        </button>
      </div>
      <progress className="tender-progress__bar" aria-label={t('payments.progress')} />
    </div>
  )
}

function MerchantQr({
  content,
  amount,
  method,
  expiresAt
}: {
  content: string
  amount: string
  method: string
  expiresAt: string | null
}) {
  const { t } = useTranslation()
  const [src, setSrc] = useState<string | null>(null)
  const now = useNow(1000)

  useEffect(() => {
    let stale = false
    void QRCode.toDataURL(content, { margin: 1, width: 280, errorCorrectionLevel: 'M' }).then(
      (url) => !stale && setSrc(url)
    )
    return () => {
      stale = true
    }
  }, [content])

  const seconds = expiresAt ? Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000)) : null
  return (
    <figure className="merchant-qr">
      {src && <img src={src} width={240} height={240} alt={t('payments.wallet.qrAlt', { amount, method })} />}
      <figcaption>
        <strong className="merchant-qr__amount">{amount}</strong>
        <span>{t('payments.wallet.scanThis', { method })}</span>
        {seconds !== null && (
          <span className="merchant-qr__countdown" aria-live="off">
            {seconds > 0
              ? t('payments.wallet.expiresIn', { time: clock(seconds) })
              : t('payments.wallet.expired')}
          </span>
        )}
      </figcaption>
    </figure>
  )
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return `${minutes}:${String(rest).padStart(2, '0')}`
}

/** The time, once a second: for countdowns only. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
