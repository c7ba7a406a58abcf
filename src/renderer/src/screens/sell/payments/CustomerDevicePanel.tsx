import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Check, CreditCard, KeyRound, MonitorSmartphone, X } from 'lucide-react'
import type { ChannelInput, ChannelOutput } from '@shared/contract'
import { apiErrorOf, call } from '../../../api/client'
import { useErrorText } from '../../../i18n/error-text'
import { useMoney } from '../../../lib/money'
import { usePaymentStore } from '../../../stores/payment-store'

type SandboxTrade = ChannelOutput<'sandbox:trades'>[number]
type Act = ChannelInput<'sandbox:act'>

const POLL_MS = 1500
/** A test card the sandbox accepts (Luhn-valid); PIN 0000 is declined. */
const TEST_PAN = '6225880000001231'
const TEST_PIN = '1234'

/**
 * Sandbox only: a stand-in for the customer's phone and the card terminal, so a person can
 * demo every flow: scan and pay, decline, type the payment password, present a card.
 */
export function CustomerDevicePanel() {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const open = usePaymentStore((s) => s.deviceOpen)
  const sandbox = usePaymentStore((s) => s.availability?.sandbox === true)
  const setOpen = usePaymentStore((s) => s.setDeviceOpen)
  const [trades, setTrades] = useState<SandboxTrade[]>([])
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)

  useEffect(() => {
    if (!open || !sandbox) return
    let stale = false
    const poll = (): void => {
      void call('sandbox:trades', {})
        .then((list) => !stale && setTrades(list))
        .catch(() => undefined)
    }
    poll()
    const timer = setInterval(poll, POLL_MS)
    return () => {
      stale = true
      clearInterval(timer)
    }
  }, [open, sandbox])

  // Esc closes the panel when no window is open (an open window takes Esc for itself).
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, setOpen])

  if (!open || !sandbox) return null

  const act = async (input: Act): Promise<void> => {
    setMessage(null)
    try {
      const { state } = await call('sandbox:act', input)
      // A declined card or a refused payment is a failure, whatever answered: never in green.
      const tone = /fail|clos|declin|revers|refus|cancel/i.test(state) ? 'error' : 'ok'
      // The state in the interface's words ("已支付"), not the sandbox's ("succeeded").
      const stateKey = `payments.status.${state}`
      const stateText = i18n.exists(stateKey) ? t(stateKey) : state
      setMessage({ tone, text: t('payments.device.done', { tradeNo: input.tradeNo, state: stateText }) })
      setTrades(await call('sandbox:trades', {}))
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(apiErrorOf(error)) })
    }
  }

  return (
    <aside className="device-drawer" aria-label={t('payments.device.title')}>
      <header className="device-drawer__head">
        <MonitorSmartphone aria-hidden="true" size={24} />
        <h2>{t('payments.device.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('payments.device.close')}
          onClick={() => setOpen(false)}
        >
          <X aria-hidden="true" size={22} />
        </button>
      </header>
      <p className="device-drawer__intro">{t('payments.device.intro')}</p>
      {message && (
        <p className={`notice notice--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {trades.length === 0 ? (
        <p className="muted">{t('payments.device.none')}</p>
      ) : (
        <ul className="device-trades">
          {trades.map((trade) => (
            <li key={`${trade.provider}:${trade.tradeNo}`}>
              <TradeCard trade={trade} onAct={act} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}

function TradeCard({ trade, onAct }: { trade: SandboxTrade; onAct: (input: Act) => Promise<void> }) {
  const { t } = useTranslation()
  const money = useMoney()
  const [password, setPassword] = useState('')
  const [pan, setPan] = useState(TEST_PAN)
  const [pin, setPin] = useState(TEST_PIN)
  const [busy, setBusy] = useState(false)
  const provider = t(`payments.methods.${trade.provider}`)
  const title = t('payments.device.trade', { provider, amount: money(trade.amount) })
  const ref = { provider: trade.provider, tradeNo: trade.tradeNo }

  const run =
    (input: Act) =>
    (event?: FormEvent): void => {
      event?.preventDefault()
      setBusy(true)
      void onAct(input).finally(() => setBusy(false))
    }

  return (
    <section className="device-trade" aria-label={title}>
      <p className="device-trade__title">
        <strong>{title}</strong>
        <span className="device-trade__needs">{t(`payments.device.needs.${trade.needs}`)}</span>
      </p>
      <p className="device-trade__no">{trade.tradeNo}</p>

      {trade.needs === 'password' && (
        <form className="device-trade__form" onSubmit={run({ ...ref, action: 'password', password })}>
          <SixDigitSecret
            id={`pw-${trade.tradeNo}`}
            label={t('payments.device.password')}
            value={password}
            onChange={setPassword}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !/^\d{6}$/.test(password)}
          >
            <KeyRound aria-hidden="true" size={20} /> {t('payments.device.enterPassword')}
          </button>
        </form>
      )}

      {trade.needs === 'card' && (
        <form className="device-trade__form" onSubmit={run({ ...ref, action: 'card', pan, pin })}>
          <label className="field__label" htmlFor={`pan-${trade.tradeNo}`}>
            {t('payments.device.pan')}
          </label>
          <input
            id={`pan-${trade.tradeNo}`}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={pan}
            onChange={(event) => setPan(event.target.value)}
          />
          <SixDigitSecret
            id={`pin-${trade.tradeNo}`}
            label={t('payments.device.pin')}
            value={pin}
            onChange={setPin}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            <CreditCard aria-hidden="true" size={20} /> {t('payments.device.presentCard')}
          </button>
        </form>
      )}

      <div className="device-trade__actions">
        {(trade.needs === 'scan' || trade.needs === 'approve') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={run({ ...ref, action: 'approve' })}
          >
            <Check aria-hidden="true" size={20} />{' '}
            {trade.needs === 'scan' ? t('payments.device.approve') : t('payments.device.confirm')}
          </button>
        )}
        {trade.needs !== 'none' && (
          <button
            type="button"
            className="button button--danger-ghost"
            disabled={busy}
            onClick={run({ ...ref, action: 'decline' })}
          >
            <X aria-hidden="true" size={20} /> {t('payments.device.decline')}
          </button>
        )}
      </div>
    </section>
  )
}

/**
 * A six-digit secret typed on the customer's device — the wallet's payment password, the card's
 * PIN: masked, digits only, never remembered by the browser.
 */
function SixDigitSecret({
  id,
  label,
  value,
  onChange
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
}) {
  return (
    <>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="password"
        inputMode="numeric"
        maxLength={6}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  )
}
