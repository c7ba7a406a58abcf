import { forwardRef, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TicketPercent, X } from 'lucide-react'
import type { CartView } from '@shared/contract/channels/cart'
import { useMoney } from '../../lib/money'
import { useCartStore } from '../../stores/cart-store'

/** Coupons by code; each applied one shows what it took off, or why it does nothing. */
export const CouponBox = forwardRef<HTMLInputElement, { cart: CartView }>(function CouponBox({ cart }, ref) {
  const { t } = useTranslation()
  const money = useMoney()
  const { applyCoupon, removeCoupon, busy } = useCartStore()
  const [code, setCode] = useState('')
  // Apply pressed with the box blank: said beside it until a code is typed — never a grey button.
  const [pressed, setPressed] = useState(false)
  const blank = pressed && !code.trim()
  const errorId = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    setPressed(!code.trim())
    if (code.trim() && (await applyCoupon(code.trim()))) setCode('')
  }

  return (
    <section className="panel coupon-box">
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
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
          aria-invalid={blank ? true : undefined}
          aria-describedby={blank ? errorId : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('sell.coupon.apply')}
        </button>
      </form>
      {blank && (
        <p id={errorId} className="field__error" role="alert">
          {t('errors.form.enterCoupon')}
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
