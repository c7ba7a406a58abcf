import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote } from 'lucide-react'
import { cashPreview, suggestTendered } from '@shared/money/cash-change'
import { minorToDecimalString } from '@shared/money/format'
import type { CartView } from '@shared/contract/channels/cart'
import { useErrorText } from '../../../i18n/error-text'
import { useMoney } from '../../../lib/money'
import { useCartStore } from '../../../stores/cart-store'

/**
 * A sale taken wholly in cash in one step (F12, cash): amount due after cash rounding, quick
 * buttons for the likely notes, the change shown large and worked out as the cashier types
 * (`cashPreview`, no round trip). The checkout key is made once per opening, so a double press or
 * a retry after a network hiccup can only ever complete this one sale.
 */
/** Mounted each time the dialog opens, so every opening starts blank with a fresh key. */
export function CashSaleForm({ cart, onClose }: { cart: CartView; onClose: () => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const errorText = useErrorText()
  const { payCash, busy, error } = useCartStore()
  const [tendered, setTendered] = useState('')
  const [checkoutKey] = useState(() => crypto.randomUUID())
  const due = cart.totals.cashTotal
  const preview = cashPreview(due, tendered, cart.currency)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const amount = tendered.trim() || minorToDecimalString(due, cart.currency)
    if (!amount || busy) return
    void payCash(amount, checkoutKey).then((paid) => paid && onClose())
  }

  const tenderedError =
    error?.field === 'tendered' || error?.field === 'cash.tendered'
      ? errorText(error, { beside: true })
      : undefined

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
        {suggestTendered(due, cart.currency).map((amount, index) => (
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
        className={`pay-form__change${preview.short > 0 && tendered.trim() ? ' is-short' : ''}`}
        role="status"
        aria-live="polite"
      >
        {preview.short > 0 && tendered.trim() ? (
          <span>{t('sell.pay.short', { amount: money(preview.short, cart.currency) })}</span>
        ) : (
          <>
            <span>{t('sell.pay.change')}</span>
            <strong data-testid="change-preview">{money(preview.change, cart.currency)}</strong>
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
