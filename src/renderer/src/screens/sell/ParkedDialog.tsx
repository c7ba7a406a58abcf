import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { parkedCartSchema } from '@shared/contract/channels/cart'
import { call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { useMoney } from '../../lib/money'
import { useScreenTime } from '../../lib/store-time'
import { useCartStore } from '../../stores/cart-store'

type ParkedCart = z.infer<typeof parkedCartSchema>

/** Parked carts, oldest first; resuming one parks a non-empty current cart. */
export function ParkedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const screenTime = useScreenTime()
  const resume = useCartStore((s) => s.resume)
  const [parked, setParked] = useState<ParkedCart[]>([])
  // One resume at a time: a double click asked for the same cart twice ("no such parked cart").
  const [resuming, setResuming] = useState(false)

  useEffect(() => {
    if (open) void call('cart:list-parked', {}).then(setParked)
  }, [open])

  return (
    <Dialog
      title={t('sell.parkedDialog.title')}
      open={open}
      onClose={onClose}
      actions={
        // A way back that is not only Escape: a touch screen has none.
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('sell.parkedDialog.close')}
        </button>
      }
    >
      {parked.length === 0 ? (
        <p className="muted">{t('sell.parkedDialog.none')}</p>
      ) : (
        <ul className="parked-list">
          {parked.map((cart) => (
            <li key={cart.id}>
              <div>
                <strong>{screenTime(cart.parkedAt, { timeStyle: 'short' })}</strong>
                {cart.note && <span className="muted"> · {cart.note}</span>}
                <div className="muted">
                  {t('sell.parkedDialog.items', { count: cart.lineCount })} ·{' '}
                  {money(cart.total, cart.currency)}
                </div>
              </div>
              <button
                type="button"
                className="button button--primary"
                disabled={resuming}
                onClick={() => {
                  setResuming(true)
                  void resume(cart.id)
                    .then(onClose)
                    .finally(() => setResuming(false))
                }}
              >
                {t('sell.parkedDialog.resume')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
