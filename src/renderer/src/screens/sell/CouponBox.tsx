import { forwardRef, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TicketPercent, X } from 'lucide-react'
import type { ApiError } from '@shared/contract'
import type { CartView } from '@shared/contract/channels/cart'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useMoney } from '../../lib/money'
import { useCartStore } from '../../stores/cart-store'

/** Coupons by code; each applied one shows what it took off, or why it does nothing. */
export const CouponBox = forwardRef<HTMLInputElement, { cart: CartView }>(function CouponBox({ cart }, ref) {
  const { t } = useTranslation()
  const money = useMoney()
  const errorText = useErrorText()
  const { applyCoupon, removeCoupon, forgetField, busy, error } = useCartStore()
  const [code, setCode] = useState('')
  // Apply pressed with the box blank: said beside it until a code is typed — never a grey button.
  const [pressed, setPressed] = useState(false)
  const blank = pressed && !code.trim()
  // Main refused the code (`code`: unknown, expired, used up, minimum spend…): the box turns red
  // and says why under it, as every field does (and only there), until typing in the box, the
  // next change going through or paying ends it.
  const [refused, setRefused] = useState<ApiError | null>(null)
  const refusal = refused !== null && error === refused ? refused : undefined
  const shown = blank ? t('errors.form.enterCoupon') : refusal ? errorText(refusal) : undefined
  const errorId = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    setPressed(!code.trim())
    setRefused(null)
    if (!code.trim()) return
    if (await applyCoupon(code.trim())) setCode('')
    else setRefused(fieldError(useCartStore.getState().error, 'code') ?? null)
  }
  const type = (next: string): void => {
    setCode(next)
    setPressed(false)
    // The refusal was about the code as it was: it goes, and the Sell screen's notice of it.
    if (refusal) forgetField('code')
  }

  return (
    <section className="panel coupon-box">
      <form
        className={`inline-form${shown ? ' field--invalid' : ''}`}
        onSubmit={(event) => void submit(event)}
      >
        <TicketPercent aria-hidden="true" size={22} />
        <label htmlFor="coupon-code" className="visually-hidden">
          {t('sell.coupon.label')}
        </label>
        <input
          id="coupon-code"
          ref={ref}
          className="input input--compact"
          placeholder={t('sell.coupon.label')}
          value={code}
          autoComplete="off"
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? errorId : undefined}
          onChange={(e) => type(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('sell.coupon.apply')}
        </button>
      </form>
      {shown && (
        // Said once, here, under the box (the Sell screen's notice does not repeat it).
        <p id={errorId} className="field__error" role="alert">
          {shown}
        </p>
      )}
      {cart.coupons.length > 0 && (
        <ul className="coupon-list">
          {cart.coupons.map((coupon) => (
            <li key={coupon.code} className={coupon.applied ? '' : 'is-inactive'}>
              <span className="badge">{coupon.code}</span>
              <span>
                {coupon.applied ? `−${money(coupon.discount, cart.currency)}` : t('sell.coupon.notApplied')}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('sell.coupon.remove', { code: coupon.code })}
                onClick={() => void removeCoupon(coupon.code)}
              >
                <X aria-hidden="true" size={18} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
