import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Printer, Undo2 } from 'lucide-react'
import type { z } from 'zod'
import type { Refund, refundableSchema } from '@shared/contract/channels/refunds'
import { ApiCallError, apiErrorOf, call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { ReasonField } from '../../components/ReasonField'
import { TextField } from '../../components/TextField'
import { useMoney } from '../../lib/money'
import { printReceipt } from '../../lib/print'
import { play } from '../../lib/sounds'
import { RefundSlip } from './RefundSlip'
import { TableHead } from '../../components/TableHead'
import { useErrorText } from '../../i18n/error-text'
import { parseDecimalToMinor } from '@shared/money/format'
import { useFormIssues } from '../../lib/use-form-issues'
import { refundIssues } from './refund-issues'
import { useAuthStore } from '../../stores/auth-store'

type Refundable = z.infer<typeof refundableSchema>

const CLEARED_BY_ANY_CHANGE = ['lines']

/**
 * Gives money back for a paid order: chosen lines (by quantity) or an amount, with a
 * reason. The refund key is made once per opening, so pressing twice refunds once.
 */
export function RefundDialog({
  orderId,
  orderNumber,
  open,
  onClose,
  onDone
}: {
  orderId: string
  /** Named in the manager approval, with the amount ("退款 · T01-000003 · ¥12.00"). */
  orderNumber: string | null
  open: boolean
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [title, setTitle] = useState<string | null>(null)
  return (
    <Dialog title={title ?? t('refund.title')} open={open} onClose={onClose} size="wide">
      <RefundForm
        key={orderId}
        orderId={orderId}
        orderNumber={orderNumber}
        onClose={onClose}
        onDone={onDone}
        onTitle={setTitle}
      />
    </Dialog>
  )
}

/**
 * The refund being asked for, in minor units, for the approval's text (the server computes the
 * real one): the typed amount, or — when every chosen line is refunded in full — the sum of the
 * server's amounts left on them. A part of a line is priced by main only, so then null (the
 * approval names the order alone). Null too while the input does not parse.
 */
function askedAmount(
  refundable: Refundable,
  mode: 'lines' | 'amount',
  lines: Array<{ lineId: string; quantity: string }>,
  amount: string
): number | null {
  try {
    if (mode === 'amount') return parseDecimalToMinor(amount.trim(), refundable.currency, 'amount')
  } catch {
    return null
  }
  let total = 0
  for (const { lineId, quantity } of lines) {
    const line = refundable.lines.find((l) => l.lineId === lineId)
    if (!line || line.quantityLeft !== quantity) return null
    total += line.amountLeft
  }
  return lines.length ? total : null
}

/** Mounted each time the dialog opens: a blank form and a fresh refund key. */
function RefundForm({
  orderId,
  orderNumber,
  onClose,
  onDone,
  onTitle
}: {
  orderId: string
  orderNumber: string | null
  onClose: () => void
  onDone: () => void
  onTitle: (title: string | null) => void
}) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  // A cashier's refund may need a manager; a manager's or owner's never does (same role matrix as main).
  const needsApproval = useAuthStore((s) => !(s.status?.user?.permissions.includes('refund') ?? false))
  const [refundable, setRefundable] = useState<Refundable | null>(null)
  const [mode, setMode] = useState<'lines' | 'amount'>('lines')
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  // Every reason the refund cannot be asked for yet, found on press, each shown beside its field.
  // Any change may mend "choose a line or an amount" (`lines`) too.
  const issues = useFormIssues(CLEARED_BY_ANY_CHANGE)
  const { setIssues, error, setError, errorFor, clearIssue } = issues
  const errorText = useErrorText()
  const [done, setDone] = useState<Refund | null>(null)
  const [busy, setBusy] = useState(false)
  const [refundKey] = useState(() => crypto.randomUUID())

  useEffect(() => {
    onTitle(null)
    void call('refunds:refundable', { orderId }).then(setRefundable)
  }, [orderId, onTitle])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    if (!refundable) return
    const found = refundIssues(
      refundable.lines,
      refundable.refundable,
      refundable.currency,
      { mode, quantities, amount, reason },
      money
    )
    setIssues(found)
    if (found.length > 0) {
      play('error')
      return
    }
    setBusy(true)
    try {
      const lines = Object.entries(quantities)
        .filter(([, quantity]) => quantity.trim() !== '' && quantity.trim() !== '0')
        .map(([lineId, quantity]) => ({ lineId, quantity: quantity.trim() }))
      const asked = refundable ? askedAmount(refundable, mode, lines, amount) : null
      const refund = await call(
        'refunds:create',
        {
          orderId,
          refundKey,
          reason: reason.trim(),
          ...(mode === 'lines' ? { lines } : { amount: amount.trim() })
        },
        undefined,
        {
          // The approval, if one is needed, names the order and the amount refunded.
          detail: [orderNumber, asked === null ? null : money(asked, refundable!.currency)]
            .filter(Boolean)
            .join(' · ')
        }
      )
      play('paid')
      setDone(refund)
      onTitle(t('refund.doneTitle', { number: refund.number }))
      onDone()
    } catch (caught) {
      if (caught instanceof ApiCallError) setError(apiErrorOf(caught))
      play('error')
    } finally {
      setBusy(false)
    }
  }

  /** Cash handed back over the counter for a refund, minor units (its other tenders go back by their way). */
  const cashBack = (refund: Refund): number =>
    refund.tenders
      .filter((tender) => tender.method === 'cash')
      .reduce((sum, tender) => sum + tender.amount, 0)

  const nameOf = (line: { name: string; nameEn: string | null }) =>
    i18n.language === 'en' && line.nameEn ? line.nameEn : line.name

  return (
    <>
      {done ? (
        <div className="sale-done">
          <div className="sale-done__summary">
            {/* The big figure is what the cashier hands over: cash only. What goes back to a card or
                a wallet is named by its way, so nobody pays it out of the drawer a second time. */}
            {cashBack(done) > 0 ? (
              <>
                <p className="sale-done__change-label">{t('refund.giveBack')}</p>
                <p className="sale-done__change" data-testid="refund-amount">
                  {money(cashBack(done), done.currency)}
                </p>
              </>
            ) : (
              <p className="sale-done__change-label" data-testid="refund-no-cash">
                {t('refund.noCashBack')}
              </p>
            )}
            {done.tenders
              .filter((tender) => tender.method !== 'cash')
              .map((tender) => (
                <p key={tender.outRequestNo} className="muted" data-testid="refund-back-to">
                  {t('refund.backTo', { method: t(`receipt.methods.${tender.method}`) })}{' '}
                  {money(tender.amount, done.currency)}
                </p>
              ))}
            <div className="sale-done__actions">
              <button type="button" className="button" onClick={() => void printReceipt()}>
                <Printer aria-hidden="true" size={20} /> {t('refund.print')}
              </button>
              <button type="button" className="button button--primary" onClick={onClose}>
                {t('refund.close')}
              </button>
            </div>
          </div>
          <div className="receipt-frame print-target">
            <RefundSlip refund={done} />
          </div>
        </div>
      ) : refundable ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">
            {t('refund.left', { amount: money(refundable.refundable, refundable.currency) })}
            {/* Whose role holds `refund` is never asked for a PIN (requireRefundApproval): no limits to read. */}
            {needsApproval && (
              <>
                {' · '}
                {t('refund.threshold', {
                  amount: money(refundable.approvalThreshold, refundable.currency)
                })}
                {' · '}
                {/* The cash rule too: a cashier's ¥3.50 cash refund asks for a PIN, well under ¥100. */}
                <span data-testid="refund-cash-rule">
                  {refundable.cashRefundThreshold === 0
                    ? t('refund.cashAny')
                    : t('refund.cashAbove', {
                        amount: money(refundable.cashRefundThreshold, refundable.currency)
                      })}
                </span>
              </>
            )}
          </p>
          <div className="segmented" role="group" aria-label={t('refund.mode')}>
            <button
              type="button"
              className="segmented__option"
              aria-pressed={mode === 'lines'}
              onClick={() => {
                setMode('lines')
                setIssues([])
              }}
            >
              {t('refund.byLines')}
            </button>
            <button
              type="button"
              className="segmented__option"
              aria-pressed={mode === 'amount'}
              onClick={() => {
                setMode('amount')
                setIssues([])
              }}
            >
              {t('refund.byAmount')}
            </button>
          </div>
          {mode === 'lines' ? (
            <table className="table refund-lines">
              <TableHead
                columns={[
                  { label: t('refund.item') },
                  { label: t('refund.leftColumn'), numeric: true },
                  { label: t('refund.quantity'), numeric: true }
                ]}
              />
              <tbody>
                {refundable.lines.map((line) => {
                  const lineError = errorFor(`quantity:${line.lineId}`)
                  const errorId = `refund-qty-error-${line.lineId}`
                  return (
                    <tr key={line.lineId}>
                      <th scope="row">{nameOf(line)}</th>
                      <td className="num">
                        {line.quantityLeft} · {money(line.amountLeft, refundable.currency)}
                      </td>
                      <td className="num">
                        <input
                          className="input input--compact refund-lines__qty"
                          inputMode="decimal"
                          aria-label={t('refund.quantityOf', { name: nameOf(line) })}
                          disabled={line.quantityLeft === '0'}
                          value={quantities[line.lineId] ?? ''}
                          placeholder="0"
                          aria-invalid={lineError ? true : undefined}
                          aria-describedby={lineError ? errorId : undefined}
                          onChange={(e) => {
                            setQuantities({ ...quantities, [line.lineId]: e.target.value })
                            clearIssue(`quantity:${line.lineId}`)
                          }}
                        />
                        {lineError && (
                          <p className="field__error refund-lines__error" id={errorId} role="alert">
                            {lineError}
                          </p>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          ) : (
            <TextField
              label={t('refund.amount', { currency: refundable.currency })}
              error={errorFor('amount')}
              inputMode="decimal"
              value={amount}
              onChange={(value) => {
                setAmount(value)
                clearIssue('amount')
              }}
            />
          )}
          {mode === 'lines' && errorFor('lines') && (
            <p className="field__error" role="alert">
              {errorFor('lines')}
            </p>
          )}
          <ReasonField label={t('refund.reason')} value={reason} onChange={setReason} issues={issues} />
          {error && !error.field && (
            <p className="field__error" role="alert">
              {errorText(error)}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('refund.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              <Undo2 aria-hidden="true" size={20} /> {t('refund.confirm')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  )
}
