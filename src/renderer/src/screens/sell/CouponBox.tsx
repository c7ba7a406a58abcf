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
  const { applyCoupon, removeCoupon, forgetField, busy } = useCartStore()
  const [code, setCode] = useState('')
  // Apply pressed with the box blank: said beside it until a code is typed — never a grey button.
  const [pressed, setPressed] = useState(false)
  const blank = pressed && !code.trim()
  // Main refused the code (`code`: unknown, expired, used up, minimum spend…): the box turns red
  // and says why under it, as every field does, while it still holds that code. Typing makes it
  // go; a scanner's burst (given back to the box as it was) leaves it.
  const [refused, setRefused] = useState<{ error: ApiError; code: string } | null>(null)
  const refusal = refused && refused.code === code ? refused.error : undefined
  const shown = blank ? t('errors.form.enterCoupon') : refusal ? errorText(refusal) : undefined
  const errorId = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    setPressed(!code.trim())
    setRefused(null)
    if (!code.trim()) return
    if (await applyCoupon(code.trim())) setCode('')
    else {
      const error = fieldError(useCartStore.getState().error, 'code')
      setRefused(error ? { error, code } : null)
    }
  }
  const type = (next: string): void => {
    setCode(next)
    setPressed(false)
    // The Sell screen's notice of the refusal goes with it.
    if (refused && next !== refused.code && useCartStore.getState().error === refused.error)
      forgetField('code')
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
