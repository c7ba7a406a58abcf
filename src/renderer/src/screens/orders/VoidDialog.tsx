import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Undo2, XCircle } from 'lucide-react'
import type { OrderDetail } from '@shared/contract/channels/orders'
import type { Refund } from '@shared/contract/channels/refunds'
import { ApiCallError, call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { Field } from '../../components/Field'
import { TableHead } from '../../components/TableHead'
import { useMoney } from '../../lib/money'
import { play } from '../../lib/sounds'
import { reasonIssue } from '../../lib/form-issues'
import { useErrorText } from '../../i18n/error-text'

type Method = OrderDetail['payments'][number]['method']

/**
 * Voids a paid order, telling the cashier exactly what goes back by which tender. A sale paid
 * wholly in cash is voided (the cash comes out of the drawer). A sale with any card, Alipay or
 * WeChat Pay part cannot be voided — main refuses it, the customer's money is at the provider —
 * so the dialog offers to refund the whole order instead, through the refunds channel: one
 * refund number per tender, cash out of the drawer only for the cash part.
 */
export function VoidDialog({
  order,
  open,
  onClose,
  onChanged
}: {
  order: OrderDetail
  open: boolean
  onClose: () => void
  onChanged: (order: OrderDetail) => void
}) {
  const { t } = useTranslation()
  const [refund, setRefund] = useState<Refund | null>(null)
  return (
    <Dialog
      title={
        refund
          ? t('voids.refundTitle', { number: refund.number })
          : t('voids.title', { number: order.number ?? '' })
      }
      open={open}
      onClose={onClose}
      size="wide"
    >
      {open && (
        <VoidForm
          key={order.id}
          order={order}
          refund={refund}
          onRefund={setRefund}
          onClose={() => {
            setRefund(null)
            onClose()
          }}
          onChanged={onChanged}
        />
      )}
    </Dialog>
  )
}

/** Mounted per opening: a blank reason and a fresh refund key. */
function VoidForm({
  order,
  refund,
  onRefund,
  onClose,
  onChanged
}: {
  order: OrderDetail
  refund: Refund | null
  onRefund: (refund: Refund) => void
  onClose: () => void
  onChanged: (order: OrderDetail) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const errorText = useErrorText()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<{ field?: string; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [refundKey] = useState(() => crypto.randomUUID())

  const paid = order.payments.filter((p) => p.status === 'succeeded')
  const cash = paid.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amount, 0)
  const viaProvider = paid.some((p) => p.method !== 'cash')
  const total = paid.reduce((sum, p) => sum + p.amount, 0)

  const fail = (caught: unknown): void => {
    if (caught instanceof ApiCallError) {
      const { key, params, field } = caught.error
      setError({ ...(field ? { field } : {}), message: key ? t(key, params ?? {}) : caught.message })
    }
    play('error')
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    // A blank reason is said beside the field on press, not by a grey button.
    const [blank] = reasonIssue(reason)
    if (blank) {
      setError({ field: 'reason', message: errorText(blank, { beside: true }) })
      play('error')
      return
    }
    setError(null)
    setBusy(true)
    try {
      if (!viaProvider) {
        // The approval, if one is needed, names the sale and its amount.
        onChanged(
          await call('orders:void', { orderId: order.id, reason: reason.trim() }, undefined, {
            detail: `${order.number ?? ''} · ${money(order.payable, order.currency)}`
          })
        )
        onClose()
        return
      }
      const left = await call('refunds:refundable', { orderId: order.id })
      const done = await call(
        'refunds:create',
        {
          orderId: order.id,
          refundKey,
          reason: reason.trim(),
          lines: left.lines
            .filter((line) => line.quantityLeft !== '0')
            .map((line) => ({ lineId: line.lineId, quantity: line.quantityLeft }))
        },
        undefined,
        { detail: `${order.number ?? ''} · ${money(left.refundable, order.currency)}` }
      )
      play('paid')
      onRefund(done)
      onChanged(await call('orders:get', { orderId: order.id }))
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(false)
    }
  }

  // A provider may confirm a refund a moment later (WeChat Pay): follow it until it is settled.
  const waiting = refund?.tenders.some((tender) => tender.status === 'processing') ?? false
  useEffect(() => {
    if (!refund || !waiting) return
    const timer = setInterval(() => {
      void call('refunds:refundable', { orderId: order.id }).then((left) => {
        const now = left.refunds.find((r) => r.id === refund.id)
        if (now) onRefund(now)
      })
    }, 2000)
    return () => clearInterval(timer)
  }, [refund, waiting, order.id, onRefund])

  const how = (method: Method): string => t(`voids.how_${method}`)
  // The same three columns before the void (what will go back) and after it (how each went).
  const tenderColumns = [
    { label: t('voids.tender') },
    { label: t('voids.amount'), numeric: true },
    { label: t('voids.how') }
  ]
  const name = (method: Method): string => t(`payments.methods.${method}`)

  if (refund) {
    return (
      <div className="void-result">
        <table className="table" aria-label={t('voids.goesBack')}>
          <TableHead columns={tenderColumns} />
          <tbody>
            {refund.tenders.map((tender) => (
              <tr key={tender.outRequestNo}>
                <th scope="row">{name(tender.method as Method)}</th>
                <td className="num">{money(tender.amount, refund.currency)}</td>
                <td data-testid={`refund-status-${tender.method}`}>
                  {how(tender.method as Method)} · {t(`voids.status_${tender.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('voids.done')}
          </button>
        </div>
      </div>
    )
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <table className="table" aria-label={t('voids.goesBack')}>
        <caption className="void-caption">{t('voids.goesBack')}</caption>
        <TableHead columns={tenderColumns} />
        <tbody>
          {paid.map((payment) => (
            <tr key={payment.id}>
              <th scope="row">{name(payment.method)}</th>
              <td className="num">{money(payment.amount, order.currency)}</td>
              <td>{how(payment.method)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('voids.total')}</th>
            <td className="num">{money(total, order.currency)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {viaProvider ? (
        <p className="notice notice--info void-explanation" data-testid="void-explanation">
          {t('voids.providerBody')}
          {cash > 0
            ? t('voids.providerCash', { amount: money(cash, order.currency) })
            : t('voids.providerNoCash')}
        </p>
      ) : (
        <p className="void-explanation" data-testid="void-explanation">
          {t('voids.cashBody', { amount: money(cash, order.currency) })}
        </p>
      )}
      <Field label={t('voids.reason')} error={error?.field === 'reason' ? error.message : undefined}>
        {(props) => (
          <input
            {...props}
            className="input"
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              if (error?.field === 'reason') setError(null)
            }}
          />
        )}
      </Field>
      {error && error.field !== 'reason' && (
        <p className="field__error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('voids.cancel')}
        </button>
        <button
          type="submit"
          className={viaProvider ? 'button button--primary' : 'button button--danger-ghost'}
          disabled={busy}
        >
          {viaProvider ? <Undo2 aria-hidden="true" size={20} /> : <XCircle aria-hidden="true" size={20} />}{' '}
          {viaProvider ? t('voids.confirmRefund') : t('voids.confirmVoid')}
        </button>
      </div>
    </form>
  )
}
