import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorText } from '../../i18n/error-text'
import { Trash2 } from 'lucide-react'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import type { CartLineView, CartView } from '@shared/contract/channels/cart'
import { useCartStore } from '../../stores/cart-store'
import { percentToRate, rateToPercent } from '@shared/money/rate-percent'
import { isImplausibleQuantity, isOverLineCap } from '@shared/money/plausibility'
import { LargeQuantityConfirm } from './LargeQuantityConfirm'
import { useAmountConfirm, useAmountQuestions } from '../../components/AmountConfirm'
import { useMoney } from '../../lib/money'

type DiscountKind = 'none' | 'rate' | 'amount'

/** Changes the selected line: quantity (or weight), a discount, the price, or removes it. */
export function LineEditor({ cart }: { cart: CartView }) {
  const { t } = useTranslation()
  const selectedLineId = useCartStore((s) => s.selectedLineId)
  const line = cart.lines.find((l) => l.id === selectedLineId) ?? null
  if (!line) {
    return (
      <section className="panel line-editor" aria-label={t('sell.line.title')}>
        <p className="muted">{t('sell.line.none')}</p>
      </section>
    )
  }
  // Keyed by what main last said about the line, so the fields show it after every change.
  const key = [line.id, line.quantity, line.discount?.type, line.discount?.value, line.unitPrice].join('|')
  return <LineForm key={key} line={line} currency={cart.currency} />
}

function LineForm({ line, currency }: { line: CartLineView; currency: string }) {
  const { t, i18n } = useTranslation()
  const { setQuantity, setDiscount, overridePrice, removeLine, forgetField, busy, error, notice } =
    useCartStore()
  const errorText = useErrorText()
  // A line waiting for its weight holds a placeholder quantity, not a weight: its field starts empty,
  // so Enter with nothing on the scale is refused instead of selling 1 kg.
  const [quantity, setQuantityText] = useState(line.weightPending ? '' : line.quantity)
  const [quantityMissing, setQuantityMissing] = useState(false)
  const [kind, setKind] = useState<DiscountKind>(line.discount?.type ?? 'none')
  // A rate is stored as "0.1"; the cashier types percent.
  const [discountValue, setDiscountValue] = useState(
    line.discount
      ? line.discount.type === 'rate'
        ? rateToPercent(line.discount.value)
        : line.discount.value
      : ''
  )
  const [price, setPrice] = useState(minorToDecimalString(line.unitPrice, currency))
  // A quantity beyond what a counter sells in one line waits for the cashier's yes.
  const [checkQuantity, setCheckQuantity] = useState<string | null>(null)
  const money = useMoney()
  // A price of 0 or far above a shop's is asked about before the manager's PIN is.
  const questions = useAmountQuestions()
  const { confirm, dialog } = useAmountConfirm()
  const name = i18n.language === 'en' && line.nameEn ? line.nameEn : line.name

  const fieldError = (field: string): string | undefined => {
    if (field === 'quantity' && quantityMissing)
      return line.unit === 'kg' ? t('counter.weightNeeded') : t('sell.line.quantityMissing')
    // Said once: a refusal the Sell screen's notice already says (a scan's) is not repeated here.
    const about = error?.field === field || error?.field?.startsWith(`${field}.`)
    return error && about && notice?.error !== error ? errorText(error, { beside: true }) : undefined
  }

  const submitQuantity = (event: FormEvent): void => {
    event.preventDefault()
    const next = quantity.trim()
    // Nothing typed (a weighed line's field starts empty) is said here, not sent as "not a number".
    if (next === '') {
      setQuantityMissing(true)
      return
    }
    // Above the hard cap no "are you sure?" can make it right: main refuses it and says why.
    if (isImplausibleQuantity(next, line.unit) && !isOverLineCap(next, line.unit)) setCheckQuantity(next)
    else void setQuantity(line.id, next)
  }
  const submitDiscount = (event: FormEvent): void => {
    event.preventDefault()
    if (kind === 'none') void setDiscount(line.id, null)
    else if (kind === 'rate')
      void setDiscount(
        line.id,
        { type: 'rate', rate: percentToRate(discountValue.trim()) },
        {
          detail: `${name} · −${discountValue.trim()} %`
        }
      )
    else
      void setDiscount(
        line.id,
        { type: 'amount', amount: discountValue.trim() },
        {
          detail: `${name} · −${discountValue.trim()}`
        }
      )
  }
  const submitPrice = (event: FormEvent): void => {
    event.preventDefault()
    const from = money(line.unitPrice, currency)
    let to = price.trim()
    try {
      to = money(parseDecimalToMinor(to, currency, 'unitPrice'), currency)
    } catch {
      // Not a price: main refuses it and says why; the approval is never asked.
    }
    const question = questions.price(price, currency, 'unitPrice', line.unitPrice)
    void confirm(question, (confirmed) =>
      overridePrice(line.id, price.trim(), { detail: `${name} · ${from} → ${to}` }, confirmed)
    )
  }

  return (
    <section className="panel line-editor" aria-label={t('sell.line.title')}>
      <h2 className="panel__title" title={name}>
        {name}
      </h2>
      {line.weightPending && (
        <p className="notice notice--info line-editor__weigh" role="status">
          {t('counter.weightNeeded')}
        </p>
      )}
      <form className="inline-form" onSubmit={submitQuantity}>
        <label htmlFor="line-quantity">
          {line.unit === 'kg' ? t('sell.line.quantityKg') : t('sell.line.quantity')}
        </label>
        <input
          id="line-quantity"
          className="input input--compact"
          inputMode="decimal"
          value={quantity}
          aria-invalid={fieldError('quantity') ? true : undefined}
          onChange={(e) => {
            // A field's refusal is about the value refused: it goes when the value changes.
            forgetField('quantity')
            setQuantityMissing(false)
            setQuantityText(e.target.value)
          }}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('sell.line.setQuantity')}
        </button>
      </form>
      {fieldError('quantity') && (
        <p className="field__error" role="alert">
          {fieldError('quantity')}
        </p>
      )}

      <form className="inline-form" onSubmit={submitDiscount}>
        <label htmlFor="line-discount-kind">{t('sell.line.discountType')}</label>
        <select
          id="line-discount-kind"
          className="input input--compact"
          value={kind}
          onChange={(e) => {
            forgetField('discount')
            setKind(e.target.value as DiscountKind)
          }}
        >
          <option value="none">{t('sell.line.discountNone')}</option>
          <option value="rate">{t('sell.line.discountRate')}</option>
          <option value="amount">{t('sell.line.discountAmount')}</option>
        </select>
        {kind !== 'none' && (
          <>
            <label htmlFor="line-discount-value" className="visually-hidden">
              {t('sell.line.discountValue')}
            </label>
            <input
              id="line-discount-value"
              className="input input--compact"
              inputMode="decimal"
              value={discountValue}
              placeholder={kind === 'rate' ? '10 %' : '5.00'}
              onChange={(e) => {
                forgetField('discount')
                setDiscountValue(e.target.value)
              }}
            />
          </>
        )}
        <button type="submit" className="button button--small" disabled={busy}>
          {t('sell.line.applyDiscount')}
        </button>
      </form>
      {fieldError('discount') && (
        <p className="field__error" role="alert">
          {fieldError('discount')}
        </p>
      )}

      <form className="inline-form" onSubmit={submitPrice}>
        <label htmlFor="line-price">{t('sell.line.price')}</label>
        <input
          id="line-price"
          className="input input--compact"
          inputMode="decimal"
          value={price}
          onChange={(e) => {
            forgetField('unitPrice')
            setPrice(e.target.value)
          }}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('sell.line.overridePrice')}
        </button>
      </form>
      {fieldError('unitPrice') && (
        <p className="field__error" role="alert">
          {fieldError('unitPrice')}
        </p>
      )}

      <LargeQuantityConfirm
        check={checkQuantity === null ? null : { quantity: checkQuantity, unit: line.unit, name }}
        onBack={() => setCheckQuantity(null)}
        onConfirm={() => {
          const confirmed = checkQuantity
          setCheckQuantity(null)
          if (confirmed) void setQuantity(line.id, confirmed)
        }}
      />
      {dialog}
      <button
        type="button"
        className="button button--danger-ghost"
        onClick={() => void removeLine(line.id)}
        disabled={busy}
      >
        <Trash2 aria-hidden="true" size={20} /> {t('sell.line.remove')} <kbd>{t('sell.line.removeKey')}</kbd>
      </button>
    </section>
  )
}
