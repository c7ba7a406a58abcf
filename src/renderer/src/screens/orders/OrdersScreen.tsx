import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Printer, Search, Star, Undo2, XCircle } from 'lucide-react'
import type { OrderDetail, OrderSummary } from '@shared/contract/channels/orders'
import { ORDER_STATUSES } from '@shared/vocabulary'
import { ApiCallError, apiErrorOf, call } from '../../api/client'
import { TextField } from '../../components/TextField'
import { Field } from '../../components/Field'
import { Receipt } from '../../components/Receipt'
import { printReceipt } from '../../lib/print'
import { EvaluationDialog } from './EvaluationDialog'
import { RefundDialog } from './RefundDialog'
import { VoidDialog } from './VoidDialog'
import './orders.css'
import { OrdersTable } from '../../components/OrdersTable'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useErrorText } from '../../i18n/error-text'
import { zodRefusal, type ApiError, type ChannelInput } from '@shared/contract'
import { ordersSearchInputSchema } from '@shared/contract/channels/orders'
import { useFormIssues } from '../../lib/use-form-issues'

interface Filters {
  number: string
  from: string
  to: string
  minTotal: string
  maxTotal: string
  status: string
  cashierUserId: string
}

const EMPTY: Filters = {
  number: '',
  from: '',
  to: '',
  minTotal: '',
  maxTotal: '',
  status: '',
  cashierUserId: ''
}

/** Order history: search, a detail view with the receipt, reprint and void. */
export function OrdersScreen() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<Filters>(EMPTY)
  const [orders, setOrders] = useState<OrderSummary[]>([])
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  // Every problem of the filter at once, beside its field, before anything is sent.
  const issues = useFormIssues()
  const [selected, setSelected] = useState<OrderDetail | null>(null)
  const [voiding, setVoiding] = useState(false)
  const [refunding, setRefunding] = useState(false)
  const [rating, setRating] = useState(false)
  const [cashiers, setCashiers] = useState<Array<{ id: string; displayName: string }>>([])

  useEffect(() => {
    void call('orders:cashiers', {}).then(setCashiers)
  }, [])

  const { setIssues } = issues
  const search = useCallback(
    async (current: Filters) => {
      const query: ChannelInput<'orders:search'> = {
        ...(current.number.trim() ? { number: current.number.trim() } : {}),
        ...(current.from ? { from: current.from } : {}),
        ...(current.to ? { to: current.to } : {}),
        ...(current.minTotal.trim() ? { minTotal: current.minTotal.trim() } : {}),
        ...(current.maxTotal.trim() ? { maxTotal: current.maxTotal.trim() } : {}),
        ...(current.status ? { status: current.status as OrderSummary['status'] } : {}),
        ...(current.cashierUserId ? { cashierUserId: current.cashierUserId } : {})
      }
      const parsed = ordersSearchInputSchema.safeParse(query)
      setIssues(parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue, [], query)))
      // A refused filter leaves the list as it was: "0 orders" would read as an answer.
      if (!parsed.success) return
      try {
        const result = await call('orders:search', query)
        setError(null)
        setOrders(result.orders)
        setTotal(result.total)
      } catch (caught) {
        if (caught instanceof ApiCallError) setError(apiErrorOf(caught))
      }
    },
    [setIssues]
  )

  useEffect(() => {
    void call('orders:search', {}).then((result) => {
      setOrders(result.orders)
      setTotal(result.total)
    })
  }, [])

  const open = async (orderId: string): Promise<void> => setSelected(await call('orders:get', { orderId }))

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void search(filters)
  }

  const errorFor = (field: string): string | undefined =>
    issues.errorFor(field) ?? (error?.field === field ? errorText(error, { beside: true }) : undefined)
  // A field changed is no longer wrong until the next search says so.
  const change = (field: keyof Filters, value: string): void => {
    issues.clearIssue(field)
    if (error?.field === field) setError(null)
    setFilters({ ...filters, [field]: value })
  }

  return (
    <section className="screen screen--wide" aria-labelledby="orders-title">
      <ScreenHeader titleId="orders-title" title={t('orders.title')} subtitle={t('orders.subtitle')} />

      <form className="filters card" onSubmit={submit} aria-label={t('orders.search')}>
        <TextField
          label={t('orders.number')}
          error={errorFor('number')}
          value={filters.number}
          onChange={(value) => change('number', value)}
        />
        <TextField
          label={t('orders.from')}
          error={errorFor('from')}
          type="date"
          value={filters.from}
          onChange={(value) => change('from', value)}
        />
        <TextField
          label={t('orders.to')}
          error={errorFor('to')}
          type="date"
          value={filters.to}
          onChange={(value) => change('to', value)}
        />
        <TextField
          label={t('orders.minTotal')}
          error={errorFor('minTotal')}
          inputMode="decimal"
          value={filters.minTotal}
          onChange={(value) => change('minTotal', value)}
        />
        <TextField
          label={t('orders.maxTotal')}
          error={errorFor('maxTotal')}
          inputMode="decimal"
          value={filters.maxTotal}
          onChange={(value) => change('maxTotal', value)}
        />
        <Field label={t('orders.status')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={filters.status}
              onChange={(e) => setFilters({ ...filters, status: e.target.value })}
            >
              <option value="">{t('orders.anyStatus')}</option>
              {ORDER_STATUSES.filter((s) => s !== 'draft').map((status) => (
                <option key={status} value={status}>
                  {t(`orders.statuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('orders.cashier')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={filters.cashierUserId}
              onChange={(e) => setFilters({ ...filters, cashierUserId: e.target.value })}
            >
              <option value="">{t('orders.anyCashier')}</option>
              {cashiers.map((cashier) => (
                <option key={cashier.id} value={cashier.id}>
                  {cashier.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            <Search aria-hidden="true" size={20} /> {t('orders.search')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setFilters(EMPTY)
              void search(EMPTY)
            }}
          >
            {t('orders.clear')}
          </button>
        </div>
      </form>
      {error && !error.field && (
        <p className="notice notice--error" role="alert">
          {errorText(error)}
        </p>
      )}

      <div className="orders-layout">
        <div className="orders-list">
          <p className="muted" role="status">
            {t('orders.results', { count: total })}
          </p>
          {orders.length === 0 ? (
            <p className="muted">{t('orders.none')}</p>
          ) : (
            <OrdersTable
              orders={orders}
              withDate
              selectedId={selected?.id ?? null}
              onOpen={(orderId) => void open(orderId)}
            />
          )}
        </div>

        <aside
          className="orders-detail"
          aria-label={
            selected ? t('orders.detail.title', { number: selected.number }) : t('orders.detail.pick')
          }
        >
          {selected ? (
            <>
              <h2 className="panel__title">{t('orders.detail.title', { number: selected.number })}</h2>
              {selected.closeReason && (
                <p className="notice notice--error">
                  {t('orders.detail.voidedBecause', { reason: selected.closeReason })}
                </p>
              )}
              <div className="orders-detail__actions">
                <button type="button" className="button" onClick={() => void printReceipt()}>
                  <Printer aria-hidden="true" size={20} /> {t('orders.detail.reprint')}
                </button>
                {(selected.status === 'paid' || selected.status === 'partially_refunded') && (
                  <button type="button" className="button" onClick={() => setRefunding(true)}>
                    <Undo2 aria-hidden="true" size={20} /> {t('refund.button')}
                  </button>
                )}
                {(selected.status === 'paid' || selected.status === 'partially_refunded') && (
                  <button type="button" className="button" onClick={() => setRating(true)}>
                    <Star aria-hidden="true" size={20} /> {t('evaluations.button')}
                  </button>
                )}
                {selected.status === 'paid' && (
                  <button
                    type="button"
                    className="button button--danger-ghost"
                    onClick={() => setVoiding(true)}
                  >
                    <XCircle aria-hidden="true" size={20} /> {t('orders.detail.void')}
                  </button>
                )}
              </div>
              <div className="receipt-frame print-target">
                <Receipt order={selected} />
              </div>
            </>
          ) : (
            <p className="muted">{t('orders.detail.pick')}</p>
          )}
        </aside>
      </div>

      {selected && rating && (
        <EvaluationDialog
          orderId={selected.id}
          number={selected.number ?? ''}
          onClose={() => setRating(false)}
        />
      )}
      {selected && (
        <RefundDialog
          orderId={selected.id}
          orderNumber={selected.number}
          open={refunding}
          onClose={() => setRefunding(false)}
          onDone={() => {
            void open(selected.id)
            void search(filters)
          }}
        />
      )}

      {selected && (
        <VoidDialog
          order={selected}
          open={voiding}
          onClose={() => setVoiding(false)}
          onChanged={(order) => {
            setSelected(order)
            void search(filters)
          }}
        />
      )}
    </section>
  )
}
