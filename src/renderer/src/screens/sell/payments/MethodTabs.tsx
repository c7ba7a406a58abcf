import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote, CreditCard, Smartphone, TriangleAlert, Wallet } from 'lucide-react'
import { TENDER_METHODS, type TenderMethod } from '@shared/contract/channels/tenders'
import type { MethodState } from '../../../stores/payment-store'

const ICONS: Record<TenderMethod, typeof Banknote> = {
  cash: Banknote,
  card: CreditCard,
  alipay: Wallet,
  wechat: Smartphone
}

/** Cash · Card · Alipay · WeChat Pay; one that cannot be used now says why. Arrow keys move along. */
export function MethodTabs({
  method,
  locked,
  onSelect,
  states,
  sharedReasonId
}: {
  method: TenderMethod
  locked: boolean
  onSelect: (method: TenderMethod) => void
  states: Record<TenderMethod, MethodState>
  /** The banner that already says why card and QR cannot be used. */
  sharedReasonId: string | null
}) {
  const { t } = useTranslation()
  const refs = useRef(new Map<TenderMethod, HTMLButtonElement>())
  const usable = TENDER_METHODS.filter((m) => states[m].available)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (locked || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return
    event.preventDefault()
    const index = usable.indexOf(method)
    const next = usable[(index + (event.key === 'ArrowRight' ? 1 : usable.length - 1)) % usable.length]
    if (next) {
      onSelect(next)
      refs.current.get(next)?.focus()
    }
  }

  return (
    <div className="method-tabs" role="tablist" aria-label={t('payments.methodsLabel')} onKeyDown={onKeyDown}>
      {TENDER_METHODS.map((m) => {
        const Icon = ICONS[m]
        const state = states[m]
        const selected = m === method
        return (
          <button
            key={m}
            ref={(element) => {
              if (element) refs.current.set(m, element)
              else refs.current.delete(m)
            }}
            type="button"
            role="tab"
            className={`method-tab method-tab--${m}${state.available ? '' : ' is-unavailable'}`}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            disabled={!state.available || (locked && !selected)}
            aria-describedby={!state.available && sharedReasonId ? sharedReasonId : undefined}
            onClick={() => onSelect(m)}
          >
            <Icon aria-hidden="true" size={28} />
            <span className="method-tab__name">{t(`payments.methods.${m}`)}</span>
            {!state.available && (
              <span className="method-tab__reason">
                <TriangleAlert aria-hidden="true" size={14} />{' '}
                {sharedReasonId ? t('payments.unavailable') : (state.reason ?? t('payments.unavailable'))}
              </span>
            )}
          </button>
        )
      })}
    </div>
  )
}
