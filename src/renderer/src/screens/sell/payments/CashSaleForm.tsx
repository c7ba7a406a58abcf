import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote } from 'lucide-react'
import { cashPreview, suggestTendered } from '@shared/money/cash-change'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import { isImplausibleTender } from '@shared/money/plausibility'
import type { CartView } from '@shared/contract/channels/cart'
import { useErrorText } from '../../../i18n/error-text'
import { useMoney } from '../../../lib/money'
import { useCartStore } from '../../../stores/cart-store'
import { typedAmountProblem, useNamedFieldError } from './typed-amount'

/** A cash payment worked out on the till (no round trip): due, change or shortfall, notes, plausibility. */
export interface CashPreviewView {
  due: number
  tendered: number
  change: number
  short: number
  suggestions: number[]
  implausible: boolean
}

/**
 * A sale taken wholly in cash in one step (F12, cash): amount due after cash rounding, quick
 * buttons for the likely notes, the change shown large and worked out as the cashier types
 * (`cashPreview`, no round trip). The checkout key is made once per opening, so a double press or
 * a retry after a network hiccup can only ever complete this one sale.
 */
/**
 * A cash payment of `tendered` (a decimal typed by the cashier) towards the cart's cash total, or
 * towards `due` (a decimal) in a split tender: pure arithmetic (`cashPreview`), so typing costs no
 * request and the change is right on the key that made it.
 */
export function useCashPreview(cart: CartView, tendered: string, due?: string): CashPreviewView {
  let dueMinor = cart.totals.cashTotal
  if (due !== undefined && due.trim() !== '') {
    try {
      dueMinor = parseDecimalToMinor(due.trim(), cart.currency, 'due')
    } catch {
      dueMinor = cart.totals.cashTotal
    }
  }
  const preview = cashPreview(dueMinor, tendered, cart.currency)
  const given = preview.tendered ?? 0
  return {
    due: dueMinor,
    tendered: given,
    change: preview.change,
    short: preview.short,
    suggestions: suggestTendered(dueMinor, cart.currency),
    implausible: isImplausibleTender(given, dueMinor, cart.currency)
  }
}

/** Mounted each time the dialog opens, so every opening starts blank with a fresh key. */
export function CashSaleForm({
  cart,
  onClose,
  onSplit
}: {
  cart: CartView
  onClose: () => void
  /** Less cash than due: take it as the first part of a split tender (the payment dialog). */
  onSplit?: (tendered: string) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const errorText = useErrorText()
  const namedError = useNamedFieldError()
  const { payCash, busy, error } = useCartStore()
  const [tendered, setTendered] = useState('')
  const [checkoutKey] = useState(() => crypto.randomUUID())
  // An implausible amount (a scan that landed here, a slip of the hand) waits for a yes.
  const [confirming, setConfirming] = useState(false)
  const preview = useCashPreview(cart, tendered)

  const due = preview.due
  const typed = tendered.trim()
  // "abc", "-5" or "1e2" is no cash: refused under the field, as main would, and never offered
  // as part of a split tender (it once offered "Take −¥5.00 cash, pay the rest another way").
  const problem = typedAmountProblem('tendered', typed, cart.currency)
  const isShort = preview.short > 0 && typed !== '' && problem === undefined
  const splitPart = isShort && onSplit !== undefined

  const pay = (confirmed: boolean): void => {
    const amount = typed || minorToDecimalString(preview.due, cart.currency)
    if (!amount || busy) return
    void payCash(amount, checkoutKey, confirmed).then((paid) => {
      if (paid) return onClose()
      // main found it implausible before our preview did (Enter straight after typing): ask.
      if (useCartStore.getState().error?.key === 'errors.checkout.implausibleTender') setConfirming(true)
    })
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (busy || problem) return
    if (splitPart) return onSplit(typed)
    if (preview.implausible && typed) return setConfirming(true)
    pay(false)
  }

  const onTendered = error?.field === 'tendered' || error?.field === 'cash.tendered'
  const shown = problem ?? (error && onTendered ? error : undefined)
  // Named by the label the cashier sees above the field.
  const tenderedError = namedError(t('sell.pay.tendered'), shown)
  // Any other refusal shows here too, never behind this dialog.
  const otherError = error && !onTendered ? errorText(error) : undefined

  if (confirming) {
    return (
      <LargeTenderConfirm
        preview={preview}
        currency={cart.currency}
        busy={busy}
        onBack={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          pay(true)
        }}
      />
    )
  }

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
        data-autofocus=""
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
      <CashQuickAmounts
        suggestions={preview.suggestions}
        due={due}
        currency={cart.currency}
        onPick={(amount) => setTendered(minorToDecimalString(amount, cart.currency))}
      />
      {!problem && <CashChange preview={preview} typed={typed} currency={cart.currency} />}
      {otherError && (
        <p className="notice notice--error" role="alert">
          {otherError}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('sell.pay.cancel')}
        </button>
        <button type="submit" className="button button--primary button--big" disabled={busy}>
          <Banknote aria-hidden="true" size={24} />{' '}
          {splitPart
            ? t('counter.split.takePart', { amount: money(preview!.due - preview!.short, cart.currency) })
            : t('sell.pay.confirm')}
        </button>
      </div>
    </form>
  )
}

/** Quick buttons for the notes a customer likely hands over (main's suggestions, ¥100 always). */
export function CashQuickAmounts({
  suggestions,
  due,
  currency,
  onPick
}: {
  suggestions: number[]
  due: number
  currency: string
  onPick: (amount: number) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  return (
    <div className="quick-cash" role="group" aria-label={t('sell.pay.quick')}>
      {suggestions.map((amount, index) => (
        <button key={amount} type="button" className="button button--chunky" onClick={() => onPick(amount)}>
          {index === 0 && amount === due ? t('sell.pay.exact') : money(amount, currency)}
        </button>
      ))}
    </div>
  )
}

/** The change, large; or how much is still short. */
export function CashChange({
  preview,
  typed,
  currency
}: {
  preview: CashPreviewView | null
  typed: string
  currency: string
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const short = preview !== null && preview.short > 0 && typed !== ''
  return (
    <div className={`pay-form__change${short ? ' is-short' : ''}`} role="status" aria-live="polite">
      {short ? (
        <span>{t('sell.pay.short', { amount: money(preview.short, currency) })}</span>
      ) : (
        <>
          <span>{t('sell.pay.change')}</span>
          <strong data-testid="change-preview">{money(preview?.change ?? 0, currency)}</strong>
        </>
      )}
    </div>
  )
}

/**
 * Asks before taking cash far beyond the amount due (`isImplausibleTender`): a scan that landed in
 * the cash field, or a slip of the hand. The cashier goes back (nothing taken) or confirms.
 */
export function LargeTenderConfirm({
  preview,
  currency,
  busy,
  onBack,
  onConfirm
}: {
  preview: CashPreviewView
  currency: string
  busy: boolean
  onBack: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  return (
    <div
      className="pay-form pay-form--confirm"
      role="alertdialog"
      aria-label={t('counter.largeTender.title')}
    >
      <p className="pay-form__confirm-title">{t('counter.largeTender.title')}</p>
      <p data-testid="large-tender">
        {t('counter.largeTender.body', {
          tendered: money(preview.tendered, currency),
          due: money(preview.due, currency),
          change: money(preview.change, currency)
        })}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" autoFocus onClick={onBack}>
          {t('counter.largeTender.back')}
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm}>
          {t('counter.largeTender.confirm')}
        </button>
      </div>
    </div>
  )
}
