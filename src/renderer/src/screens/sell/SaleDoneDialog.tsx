import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckCircle2, FileDown, Printer } from 'lucide-react'
import { Dialog } from '../../components/Dialog'
import { Receipt } from '../../components/Receipt'
import { useMoney } from '../../lib/money'
import { useCartStore } from '../../stores/cart-store'
import { printReceipt, saveReceiptPdf } from '../../lib/print'

/** After payment: the change, large; the receipt; print, PDF, next customer (Enter). */
export function SaleDoneDialog() {
  const { t } = useTranslation()
  const money = useMoney()
  const lastSale = useCartStore((s) => s.lastSale)
  const finishSale = useCartStore((s) => s.finishSale)
  const next = useRef<HTMLButtonElement>(null)
  const [savedTo, setSavedTo] = useState<string | null>(null)

  useEffect(() => {
    if (lastSale) setTimeout(() => next.current?.focus(), 0)
  }, [lastSale])

  if (!lastSale) return null
  const { order, change } = lastSale
  return (
    <Dialog title={t('sell.done.title')} open onClose={finishSale} size="wide">
      <div className="sale-done">
        <div className="sale-done__summary">
          <CheckCircle2 aria-hidden="true" size={56} className="sale-done__icon" />
          <p className="sale-done__order">{t('sell.done.order', { number: order.number })}</p>
          <p className="sale-done__change-label">
            {change > 0 ? t('sell.done.change') : t('sell.done.noChange')}
          </p>
          {change > 0 && (
            <p className="sale-done__change" data-testid="change-given">
              {money(change, order.currency)}
            </p>
          )}
          <div className="sale-done__actions">
            <button type="button" className="button" onClick={() => void printReceipt()}>
              <Printer aria-hidden="true" size={20} /> {t('sell.done.print')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void saveReceiptPdf(order.id).then(setSavedTo)}
            >
              <FileDown aria-hidden="true" size={20} /> {t('sell.done.pdf')}
            </button>
            <button
              ref={next}
              type="button"
              className="button button--primary button--big"
              onClick={finishSale}
            >
              {t('sell.done.next')}
            </button>
          </div>
          {savedTo && (
            <p className="muted" role="status">
              {t('sell.done.savedTo', { file: savedTo })}
            </p>
          )}
        </div>
        <div className="receipt-frame print-target">
          <Receipt order={order} />
        </div>
      </div>
    </Dialog>
  )
}
