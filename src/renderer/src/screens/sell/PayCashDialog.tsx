import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote } from 'lucide-react'
import { minorToDecimalString } from '@shared/money/format'
import type { CartView } from '@shared/contract/channels/cart'
import { call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { useMoney } from '../../lib/money'
import { useCartStore } from '../../stores/cart-store'

interface Preview {
  due: number
  change: number
  short: number
  suggestions: number[]
}

/**
 * Cash in: amount due, quick buttons for the likely notes, the change shown large. The
 * checkout key is made once per opening, so a double press or a retry after a network
 * hiccup can only ever complete this one sale.
 */
export function PayCashDialog({
  cart,
  open,
  onClose
}: {
  cart: CartView
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('sell.pay.title')} open={open} onClose={onClose}>
      <PayCashForm cart={cart} onClose={onClose} />
    </Dialog>
  )
}

/** Mounted each time the dialog opens, so every opening starts blank with a fresh key. */
export function PayCashForm({ cart, onClose }: { cart: CartView; onClose: () => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const { payCash, busy, error } = useCartStore()
  const [tendered, setTendered] = useState('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [checkoutKey] = useState(() => crypto.randomUUID())

  useEffect(() => {
    let stale = false
    const amount = /^\d+(\.\d+)?$/.test(tendered.trim()) ? tendered.trim() : '0'
    void call('checkout:preview-cash', { cartId: cart.id, tendered: amount })
      .then((result) => !stale && setPreview(result))
      .catch(() => !stale && setPreview((p) => p))
    return () => {
      stale = true
    }
  }, [tendered, cart.id, cart.updatedAt])

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const amount = tendered.trim() || (preview ? minorToDecimalString(preview.due, cart.currency) : '')
    if (!amount || busy) return
    void payCash(amount, checkoutKey).then((paid) => paid && onClose())
  }

  const due = preview?.due ?? cart.totals.cashTotal
  const tenderedError = error?.field === 'tendered' ? error.message.replace('tendered: ', '') : undefined

  return (
    <form onSubmit={submit} className="pay-form">
      <div className="pay-form__due">
        <span>{t('sell.pay.due')}</span>
        <strong>{money(due, cart.currency)}</strong>
      </div>
      <label htmlFor="pay-tendered" className="field__label">
        {t('sell.pay.tendered')}
      </label>
      <input
        id="pay-tendered"
        autoFocus
        className="input input--huge"
        inputMode="decimal"
        autoComplete="off"
        placeholder={minorToDecimalString(due, cart.currency)}
        value={tendered}
        aria-invalid={tenderedError ? true : undefined}
        onChange={(e) => setTendered(e.target.value)}
      />
      {tenderedError && (
        <p className="field__error" role="alert">
          {tenderedError}
        </p>
      )}
      <div className="quick-cash" role="group" aria-label={t('sell.pay.quick')}>
        {(preview?.suggestions ?? []).map((amount, index) => (
          <button
            key={amount}
            type="button"
            className="button button--chunky"
            onClick={() => setTendered(minorToDecimalString(amount, cart.currency))}
          >
            {index === 0 && amount === due ? t('sell.pay.exact') : money(amount, cart.currency)}
          </button>
        ))}
      </div>
      <div
        className={`pay-form__change${preview && preview.short > 0 && tendered.trim() ? ' is-short' : ''}`}
        role="status"
        aria-live="polite"
      >
        {preview && preview.short > 0 && tendered.trim() ? (
          <span>{t('sell.pay.short', { amount: money(preview.short, cart.currency) })}</span>
        ) : (
          <>
            <span>{t('sell.pay.change')}</span>
            <strong data-testid="change-preview">{money(preview?.change ?? 0, cart.currency)}</strong>
          </>
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('sell.pay.cancel')}
        </button>
        <button type="submit" className="button button--primary button--big" disabled={busy}>
          <Banknote aria-hidden="true" size={24} /> {t('sell.pay.confirm')}
        </button>
      </div>
    </form>
  )
}
