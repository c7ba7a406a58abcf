import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote, CreditCard, QrCode, ScanLine } from 'lucide-react'
import type { ApiError } from '@shared/contract'
import type { CartView } from '@shared/contract/channels/cart'
import { minorToDecimalString } from '@shared/money/format'
import { CashChange, CashQuickAmounts, LargeTenderConfirm, useCashPreview } from './CashSaleForm'
import { Field } from '../../../components/Field'
import { fieldError, useErrorText } from '../../../i18n/error-text'
import type { TenderRequest } from './use-checkout'
import { typedAmountProblem, useNamedFieldError } from './typed-amount'

interface AmountProps {
  amount: string
  onAmount: (amount: string) => void
  currency: string
  error: ApiError | null
  onClearError?: () => void
}

/**
 * What this tender pays towards the order; defaults to what remains (split tender: change it).
 * "abc", "-5" or "1e2" is refused under the box as it is typed, led by the field's `name`, as is
 * main's refusal naming `amount`.
 */
function AmountField({
  amount,
  onAmount,
  currency,
  error,
  label,
  name
}: AmountProps & { label?: string; name?: string }) {
  const { t } = useTranslation()
  const namedError = useNamedFieldError()
  const shown = typedAmountProblem('amount', amount, currency) ?? fieldError(error, 'amount')
  return (
    <Field
      label={label ?? t('payments.amount', { currency })}
      hint={t('payments.amountHint')}
      error={namedError(name ?? t('payments.amountName'), shown)}
    >
      {(props) => (
        <input
          {...props}
          className="input input--large-number"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(event) => onAmount(event.target.value)}
        />
      )}
    </Field>
  )
}

interface TenderFormProps extends AmountProps {
  busy: boolean
  onTender: (request: TenderRequest) => void
  /** Back to the cart (the dialog decides whether it may close). */
  onBack: () => void
}

/** Back to cart on the left, the form's own action on the right, as in the cash form. */
function FormActions({ onBack, children }: { onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="dialog__actions tender-form__actions">
      <button type="button" className="button button--ghost" onClick={onBack}>
        {t('payments.close.back')}
      </button>
      {children}
    </div>
  )
}

/** Card: the amount, then the terminal does the rest (card, PIN). */
export function CardForm({ busy, onTender, onBack, ...amountProps }: TenderFormProps) {
  const { t } = useTranslation()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    // The refusal already shows under the amount: nothing is sent to the terminal.
    if (typedAmountProblem('amount', amountProps.amount, amountProps.currency)) return
    onTender({ method: 'card', amount: amountProps.amount.trim() })
  }
  return (
    <form className="tender-form" onSubmit={submit}>
      <AmountField {...amountProps} />
      <p className="tender-form__instructions">
        <CreditCard aria-hidden="true" size={22} /> {t('payments.card.instructions')}
      </p>
      <FormActions onBack={onBack}>
        <button type="submit" className="button button--primary button--big" disabled={busy} autoFocus>
          <CreditCard aria-hidden="true" size={24} /> {t('payments.card.start')}
        </button>
      </FormActions>
    </form>
  )
}

/**
 * Alipay / WeChat Pay: scan the customer's payment code (a scanner types the digits and
 * presses Enter, so the field submits itself), or show our QR code for them to scan.
 */
export function WalletForm({
  method,
  busy,
  onTender,
  onBack,
  ...amountProps
}: TenderFormProps & { method: 'alipay' | 'wechat' }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [flow, setFlow] = useState<'customer_code' | 'merchant_qr'>('customer_code')
  const [code, setCode] = useState('')
  const codeInput = useRef<HTMLInputElement>(null)
  const codeError = fieldError(amountProps.error, 'authCode')
  const flowError = fieldError(amountProps.error, 'flow')

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (busy || typedAmountProblem('amount', amountProps.amount, amountProps.currency)) return
    const amount = amountProps.amount.trim()
    if (flow === 'merchant_qr') {
      onTender({ method, amount, flow })
      return
    }
    const authCode = code.replace(/\s+/g, '')
    if (!authCode) {
      codeInput.current?.focus()
      return
    }
    // A payment code is good once: the next try needs a fresh scan.
    setCode('')
    onTender({ method, amount, flow, authCode })
  }

  return (
    <form className="tender-form" onSubmit={submit}>
      <div className="flow-choice" role="group" aria-label={t('payments.wallet.flowLabel')}>
        <button
          type="button"
          className="flow-choice__option"
          aria-pressed={flow === 'customer_code'}
          onClick={() => {
            setFlow('customer_code')
            setTimeout(() => codeInput.current?.focus(), 0)
          }}
        >
          <ScanLine aria-hidden="true" size={26} /> {t('payments.wallet.customerCode')}
        </button>
        <button
          type="button"
          className="flow-choice__option"
          aria-pressed={flow === 'merchant_qr'}
          onClick={() => setFlow('merchant_qr')}
        >
          <QrCode aria-hidden="true" size={26} /> {t('payments.wallet.merchantQr')}
        </button>
      </div>
      {flowError && (
        <p className="field__error" role="alert">
          {errorText(flowError, { beside: true })}
        </p>
      )}
      <AmountField {...amountProps} />
      {flow === 'customer_code' ? (
        <Field
          label={t('payments.wallet.codeLabel')}
          hint={t('payments.wallet.codeHint')}
          error={codeError ? errorText(codeError, { beside: true }) : undefined}
        >
          {(props) => (
            <input
              {...props}
              ref={codeInput}
              autoFocus
              data-scan-target=""
              data-autofocus=""
              className="input input--code"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <FormActions onBack={onBack}>
        <button type="submit" className="button button--primary button--big" disabled={busy}>
          {flow === 'customer_code' ? (
            <>
              <ScanLine aria-hidden="true" size={24} /> {t('payments.wallet.charge')}
            </>
          ) : (
            <>
              <QrCode aria-hidden="true" size={24} /> {t('payments.wallet.showQr')}
            </>
          )}
        </button>
      </FormActions>
    </form>
  )
}

/**
 * Cash once the order is frozen (after another tender, or cash first in a split): how much
 * in cash, what was handed over, the quick-note buttons and the change, as in a cash sale.
 */
export function SessionCashForm({
  busy,
  onTender,
  onBack,
  cart,
  ...amountProps
}: TenderFormProps & { cart: CartView }) {
  const { t } = useTranslation()
  const namedError = useNamedFieldError()
  const [tendered, setTendered] = useState('')
  const [confirming, setConfirming] = useState(false)
  const preview = useCashPreview(cart, tendered, amountProps.amount)
  // Either box holding no amount: said under it, no change worked out, nothing sent.
  const amountProblem = typedAmountProblem('amount', amountProps.amount, amountProps.currency)
  const tenderedProblem = typedAmountProblem('tendered', tendered, amountProps.currency)
  const problem = amountProblem ?? tenderedProblem
  const tenderedError = namedError(
    t('sell.pay.tendered'),
    tenderedProblem ?? fieldError(amountProps.error, 'tendered')
  )
  const needsConfirm = confirming || amountProps.error?.key === 'errors.checkout.implausibleTender'
  const send = (confirmed: boolean): void => {
    setConfirming(false)
    onTender({
      method: 'cash',
      amount: amountProps.amount.trim(),
      ...(tendered.trim() ? { tendered: tendered.trim() } : {}),
      ...(confirmed ? { confirmLargeTender: true } : {})
    })
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (busy || problem) return
    if (preview.implausible && tendered.trim()) return setConfirming(true)
    send(false)
  }
  if (needsConfirm) {
    return (
      <LargeTenderConfirm
        preview={preview}
        currency={cart.currency}
        busy={busy}
        onBack={() => {
          setConfirming(false)
          setTendered('')
          amountProps.onClearError?.()
        }}
        onConfirm={() => send(true)}
      />
    )
  }
  return (
    <form className="tender-form" onSubmit={submit}>
      <AmountField
        {...amountProps}
        label={t('payments.cashAmount', { currency: amountProps.currency })}
        name={t('payments.cashAmountName')}
      />
      <Field
        label={t('payments.cashReceived', { currency: amountProps.currency })}
        hint={t('payments.cashReceivedHint')}
        error={tenderedError}
      >
        {(props) => (
          <input
            {...props}
            autoFocus
            data-autofocus=""
            className="input input--huge"
            inputMode="decimal"
            autoComplete="off"
            placeholder={amountProblem ? undefined : amountProps.amount}
            value={tendered}
            onChange={(event) => setTendered(event.target.value)}
          />
        )}
      </Field>
      <CashQuickAmounts
        suggestions={preview?.suggestions ?? []}
        due={preview?.due ?? 0}
        currency={cart.currency}
        onPick={(amount) => setTendered(minorToDecimalString(amount, cart.currency))}
      />
      {!problem && <CashChange preview={preview} typed={tendered.trim()} currency={cart.currency} />}
      <FormActions onBack={onBack}>
        <button type="submit" className="button button--primary button--big" disabled={busy}>
          <Banknote aria-hidden="true" size={24} /> {t('payments.takeCash')}
        </button>
      </FormActions>
    </form>
  )
}
