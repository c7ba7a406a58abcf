import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckCircle2, Download, Lock, Printer, TriangleAlert } from 'lucide-react'
import type { ApiError, ChannelInput, ChannelOutput } from '@shared/contract'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { OrderDetail } from '@shared/contract/channels/orders'
import { apiErrorOf, call } from '../../api/client'
import { useErrorText } from '../../i18n/error-text'
import { OrdersTable } from '../../components/OrdersTable'
import { Receipt } from '../../components/Receipt'
import { Dialog } from '../../components/Dialog'
import { Field } from '../../components/Field'
import { useMoney } from '../../lib/money'
import { useAuthStore } from '../../stores/auth-store'
import { useSettingsStore } from '../../stores/settings-store'
import { HourChart, TenderMix } from './Charts'
import { TableHead } from '../../components/TableHead'
import { rateToPercent } from '@shared/money/rate-percent'
import { downloadCsv } from '../../lib/download'
import { useScreenTime } from '../../lib/store-time'

type Filter = NonNullable<ChannelInput<'settlement:orders'>['filter']>

const sum = <T,>(rows: readonly T[], pick: (row: T) => number): number =>
  rows.reduce((total, row) => total + pick(row), 0)

/** Today on the store's calendar (its time zone, else this computer's), YYYY-MM-DD. */
export function today(timeZone = useSettingsStore.getState().saved?.timeZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', timeZone ? { timeZone } : {}).format(new Date())
}

/** Prints only the Z-report (A4), through the browser's or Electron's print dialog — which can also save a PDF. */
function printReport(): void {
  document.body.classList.add('printing-report')
  try {
    window.print()
  } finally {
    document.body.classList.remove('printing-report')
  }
}

/** A merchant's review of one business day: figures, charts, drill-down, print, CSV, close. */
export function DayReport() {
  const { t } = useTranslation()
  const screenTime = useScreenTime()
  const money = useMoney()
  const storeName = useSettingsStore((s) => s.saved?.storeName ?? '')
  const canSettle = useAuthStore((s) => s.status?.user?.permissions.includes('settlement-manage') ?? false)
  const [date, setDate] = useState(today)
  const [report, setReport] = useState<ZReport | null>(null)
  const [ledger, setLedger] = useState<ChannelOutput<'settlement:ledger-check'> | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  const [confirming, setConfirming] = useState(false)
  const [drill, setDrill] = useState<{ what: string; filter: Filter } | null>(null)

  const [version, setVersion] = useState(0)
  const reload = (): void => setVersion((v) => v + 1)
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    let live = true
    Promise.all([call('settlement:report', { date }), call('settlement:ledger-check', { date })])
      .then(([z, check]) => {
        if (!live) return
        setReport(z)
        setLedger(check)
        setError(null)
      })
      .catch((caught: unknown) => {
        if (!live) return
        setReport(null)
        setError(apiErrorOf(caught))
      })
    return () => {
      live = false
    }
  }, [date, version])

  const settle = async (): Promise<void> => {
    try {
      setReport(await call('settlement:settle', { date }))
      setConfirming(false)
      reload()
    } catch (caught) {
      setConfirming(false)
      setError(apiErrorOf(caught))
    }
  }

  const exportCsv = async (): Promise<void> => {
    const { fileName, csv } = await call('settlement:csv', { date })
    downloadCsv(fileName, csv)
  }

  const open = (what: string, filter: Filter) => () => setDrill({ what, filter })
  const m = (minor: number) => (report ? money(minor, report.currency) : '')

  return (
    <div className="day-report">
      <div className="day-report__bar no-print">
        <Field label={t('settlement.date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              value={date}
              max={today()}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <div className="day-report__actions">
          <button
            type="button"
            className="button"
            disabled={!report}
            onClick={printReport}
            title={t('settlement.pdfHint')}
          >
            <Printer aria-hidden="true" size={20} /> {t('settlement.print')}
          </button>
          <button type="button" className="button" disabled={!report} onClick={() => void exportCsv()}>
            <Download aria-hidden="true" size={20} /> {t('settlement.csv')}
          </button>
          {canSettle && report?.status === 'open' && (
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              <Lock aria-hidden="true" size={20} /> {t('settlement.settle')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="notice notice--error no-print" role="alert">
          {errorText(error, { beside: true })}
        </p>
      )}

      {report && (
        <article className="z-report" aria-label={`Z ${report.date}`}>
          <header className="z-report__head">
            <h2 className="z-report__title">
              {t('settlement.zTitle', { store: storeName, date: report.date })}
            </h2>
            <p className={`z-report__status z-report__status--${report.status}`}>
              {report.status === 'settled'
                ? t('settlement.statusSettled', {
                    time: screenTime(report.settledAt!, { dateStyle: 'short', timeStyle: 'short' }),
                    name: report.settledBy ?? '—'
                  })
                : t('settlement.statusOpen')}
            </p>
            {ledger && (
              <p className={`z-report__ledger ${ledger.agrees ? 'is-ok' : 'is-bad'}`}>
                {ledger.agrees ? (
                  <CheckCircle2 aria-hidden="true" size={18} />
                ) : (
                  <TriangleAlert aria-hidden="true" size={18} />
                )}{' '}
                {ledger.agrees ? t('settlement.ledgerOk') : t('settlement.ledgerBad')}
              </p>
            )}
          </header>

          <div className="kpis">
            <Kpi label={t('settlement.figures.netSales')} value={m(report.netSales)} testId="kpi-net-sales" />
            <Kpi
              label={t('settlement.figures.ordersStanding')}
              value={String(report.orderCount)}
              testId="kpi-orders"
            />
            <Kpi
              label={t('settlement.figures.averageTicketBasis')}
              value={m(report.averageTicket)}
              testId="kpi-average"
            />
            <Kpi label={t('settlement.figures.collected')} value={m(report.collected)} />
          </div>
          {report.adjustments.orderCount !== 0 || report.adjustments.netSales !== 0 ? (
            <p className="notice notice--info">
              {t('settlement.figures.adjustments', {
                count: report.adjustments.orderCount,
                amount: m(report.adjustments.netSales)
              })}{' '}
              <button
                type="button"
                className="linkish"
                onClick={open(t('settlement.figures.netSales'), { figure: 'adjustments' })}
              >
                {t('settlement.drill.show')}
              </button>
            </p>
          ) : null}

          <div className="z-report__charts">
            <Section title={t('settlement.sections.byHour')}>
              <HourChart
                report={report}
                onPick={(hour) => setDrill({ what: `${hour}:00`, filter: { figure: 'sales', hour } })}
              />
              <p className="muted z-note" data-testid="hour-total">
                {t('settlement.chart.total', {
                  total: m(sum(report.byHour, (h) => h.sales)),
                  refunds: m(report.refunds.amount),
                  net: m(report.netSales)
                })}
              </p>
            </Section>
            <Section title={t('settlement.sections.tenders')}>
              <TenderMix
                report={report}
                onPick={(method) =>
                  setDrill({
                    what: t(`settlement.methods.${method}`, { defaultValue: method }),
                    filter: { figure: 'sales', method }
                  })
                }
              />
            </Section>
          </div>

          <div className="z-report__grid">
            <Section title={t('settlement.sections.sales')}>
              {/* One sum top to bottom: each bold figure is the sum of the rows above it. */}
              <table className="table figures" aria-label={t('settlement.sections.sales')}>
                <tbody>
                  <Row
                    label={t('settlement.figures.grossSales', { count: report.paidOrders })}
                    value={m(report.grossSales)}
                    onOpen={open(t('settlement.figures.grossSales', { count: report.paidOrders }), {
                      figure: 'sales'
                    })}
                  />
                  <Row label={t('settlement.figures.lineDiscounts')} value={m(-report.lineDiscounts)} />
                  <Row label={t('settlement.figures.couponDiscounts')} value={m(-report.couponDiscounts)} />
                  {report.taxAdded !== 0 && (
                    <Row label={t('settlement.figures.taxAdded')} value={m(report.taxAdded)} />
                  )}
                  <Row label={t('settlement.figures.salesTotal')} value={m(report.salesTotal)} strong />
                  <Row
                    label={t('settlement.figures.voids', { count: report.voids.count })}
                    value={m(-report.voids.sales)}
                    onOpen={
                      report.voids.count
                        ? open(t('settlement.figures.voids', { count: report.voids.count }), {
                            figure: 'voids'
                          })
                        : undefined
                    }
                  />
                  <Row
                    label={t('settlement.figures.refunds', { count: report.refunds.count })}
                    value={m(-report.refunds.amount)}
                    onOpen={
                      report.refunds.count
                        ? open(t('settlement.figures.refunds', { count: report.refunds.count }), {
                            figure: 'refunds'
                          })
                        : undefined
                    }
                  />
                  <Row label={t('settlement.figures.netSales')} value={m(report.netSales)} strong />
                  <Row label={t('settlement.figures.cashRounding')} value={m(report.cashRounding)} />
                  <Row label={t('settlement.figures.collected')} value={m(report.collected)} strong />
                </tbody>
              </table>
              <p className="muted z-note">
                {t('settlement.figures.taxIncluded', { amount: m(report.taxTotal) })}
              </p>
            </Section>

            <Section title={t('settlement.sections.cash')}>
              <table className="table figures">
                <tbody>
                  <Row label={t('settlement.cash.floats')} value={m(report.cash.floats)} />
                  <Row label={t('settlement.cash.cashSales')} value={m(report.cash.cashSales)} />
                  <Row label={t('settlement.cash.cashRefunds')} value={m(-report.cash.cashRefunds)} />
                  <Row label={t('settlement.cash.cashIn')} value={m(report.cash.cashIn)} />
                  <Row label={t('settlement.cash.cashOut')} value={m(-report.cash.cashOut)} />
                  <Row
                    label={t('settlement.cash.overShort')}
                    value={m(report.cash.overShort)}
                    strong
                    testId="z-over-short"
                  />
                  <Row label={t('settlement.cash.dropped')} value={m(report.cash.dropped)} />
                  {report.cash.shifts.map((shift) => (
                    <Row
                      key={shift.id}
                      label={t('settlement.shiftResult', { number: shift.number })}
                      value={m(shift.overShort)}
                    />
                  ))}
                </tbody>
              </table>
            </Section>

            <Section title={t('settlement.sections.tax')}>
              <table className="table">
                <TableHead
                  columns={[
                    { label: t('settlement.columns.rate') },
                    { label: t('settlement.columns.net'), numeric: true },
                    { label: t('settlement.columns.tax'), numeric: true }
                  ]}
                />
                <tbody>
                  {report.taxByRate.map((rate) => (
                    <tr key={rate.rate}>
                      <th scope="row">
                        <button
                          type="button"
                          className="linkish"
                          onClick={open(`${rateToPercent(rate.rate)}%`, {
                            figure: 'sales',
                            taxRate: rate.rate
                          })}
                        >
                          {rateToPercent(rate.rate)}%
                        </button>
                      </th>
                      <td className="num">{m(rate.net)}</td>
                      <td className="num">{m(rate.tax)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('settlement.figures.refundedTax')}</th>
                    <td className="num">{m(-(report.refunds.amount - report.refunds.tax))}</td>
                    <td className="num">{m(-report.refunds.tax)}</td>
                  </tr>
                  <tr className="figures__total">
                    <th scope="row">{t('settlement.figures.taxTotal')}</th>
                    <td className="num">{m(report.netSales - report.taxTotal)}</td>
                    <td className="num">{m(report.taxTotal)}</td>
                  </tr>
                </tbody>
              </table>
            </Section>

            <Section title={t('settlement.sections.tenderTable')}>
              <table className="table">
                <TableHead
                  columns={[
                    { label: t('settlement.columns.method') },
                    { label: t('settlement.columns.sales'), numeric: true },
                    { label: t('settlement.columns.refunds'), numeric: true },
                    { label: t('settlement.columns.netAmount'), numeric: true }
                  ]}
                />
                <tbody>
                  {report.tenders.map((tender) => (
                    <tr key={tender.method}>
                      <th scope="row">
                        {t(`settlement.methods.${tender.method}`, { defaultValue: tender.method })}
                      </th>
                      <td className="num">{m(tender.sales)}</td>
                      <td className="num">{m(-tender.refunds)}</td>
                      <td className="num">{m(tender.net)}</td>
                    </tr>
                  ))}
                  <tr className="figures__total">
                    <th scope="row">{t('settlement.figures.tendersTotal')}</th>
                    <td className="num">{m(sum(report.tenders, (x) => x.sales))}</td>
                    <td className="num">{m(-sum(report.tenders, (x) => x.refunds))}</td>
                    <td className="num">{m(sum(report.tenders, (x) => x.net))}</td>
                  </tr>
                </tbody>
              </table>
            </Section>

            <Section title={t('settlement.sections.cashiers')}>
              <table className="table">
                <TableHead
                  columns={[
                    { label: t('settlement.columns.cashier') },
                    { label: t('settlement.columns.orders'), numeric: true },
                    { label: t('settlement.columns.sales'), numeric: true }
                  ]}
                />
                <tbody>
                  {report.byCashier.map((row) => (
                    <tr key={row.userId ?? 'none'}>
                      <th scope="row">
                        {row.userId ? (
                          <button
                            type="button"
                            className="linkish"
                            onClick={open(row.name ?? row.userId, {
                              figure: 'sales',
                              cashierUserId: row.userId
                            })}
                          >
                            {row.name ?? row.userId}
                          </button>
                        ) : (
                          t('settlement.noCashier')
                        )}
                      </th>
                      <td className="num">{row.orders}</td>
                      <td className="num">{m(row.sales)}</td>
                    </tr>
                  ))}
                  <tr className="figures__total">
                    <th scope="row">{t('settlement.figures.afterVoids')}</th>
                    <td className="num">{sum(report.byCashier, (x) => x.orders)}</td>
                    <td className="num">{m(sum(report.byCashier, (x) => x.sales))}</td>
                  </tr>
                </tbody>
              </table>
            </Section>

            <Section title={t('settlement.sections.productsKept')}>
              <table className="table">
                <TableHead
                  columns={[
                    { label: t('settlement.columns.product') },
                    { label: t('settlement.columns.quantity'), numeric: true },
                    { label: t('settlement.columns.sales'), numeric: true }
                  ]}
                />
                <tbody>
                  {report.topProducts.map((product) => (
                    <tr key={product.sku}>
                      <th scope="row">
                        <ProductName
                          product={product}
                          onOpen={open(product.name, { figure: 'sales', sku: product.sku })}
                        />
                      </th>
                      <td className="num">{product.quantity}</td>
                      <td className="num">{m(product.sales)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
          </div>
        </article>
      )}

      <Dialog
        title={t('settlement.settleTitle', { date })}
        open={confirming}
        onClose={() => setConfirming(false)}
      >
        <p>{t('settlement.settleBody')}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
            {t('shift.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void settle()}>
            {t('settlement.settleConfirm')}
          </button>
        </div>
      </Dialog>
      {drill && (
        <DrillDialog date={date} what={drill.what} filter={drill.filter} onClose={() => setDrill(null)} />
      )}
    </div>
  )
}

function ProductName({ product, onOpen }: { product: ZReport['topProducts'][number]; onOpen: () => void }) {
  const { i18n } = useTranslation()
  const name = i18n.language === 'en' ? (product.nameEn ?? product.name) : product.name
  return (
    <button type="button" className="linkish" onClick={onOpen}>
      {name}
    </button>
  )
}

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kpi">
      <span className="kpi__label">{label}</span>
      <strong className="kpi__value" data-testid={testId}>
        {value}
      </strong>
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="z-section" aria-label={title}>
      <h3 className="z-section__title">{title}</h3>
      {children}
    </section>
  )
}

function Row({
  label,
  value,
  strong,
  onOpen,
  testId
}: {
  label: string
  value: string
  strong?: boolean
  onOpen?: (() => void) | undefined
  testId?: string
}) {
  return (
    <tr className={strong ? 'figures__total' : undefined}>
      <th scope="row">
        {onOpen ? (
          <button type="button" className="linkish" onClick={onOpen}>
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      <td className="num" data-testid={testId}>
        {value}
      </td>
    </tr>
  )
}

function DrillDialog({
  date,
  what,
  filter,
  onClose
}: {
  date: string
  what: string
  filter: Filter
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [result, setResult] = useState<ChannelOutput<'settlement:orders'> | null>(null)
  const [order, setOrder] = useState<OrderDetail | null>(null)
  useEffect(() => {
    void call('settlement:orders', { date, filter, limit: 100 }).then(setResult)
  }, [date, filter])
  const amountLabel =
    filter.method !== undefined
      ? t('settlement.drill.tenderAmount', {
          method: t(`settlement.methods.${filter.method}`, { defaultValue: filter.method })
        })
      : filter.figure === 'refunds'
        ? t('settlement.drill.refunded')
        : filter.sku !== undefined
          ? t('settlement.drill.productAmount')
          : filter.figure === 'voids'
            ? t('settlement.drill.voided')
            : t('settlement.drill.paid')
  const figureAmount = new Map(result?.orders.map((o) => [o.id, o.figureAmount]) ?? [])
  return (
    <Dialog
      title={
        order
          ? t('orders.detail.title', { number: order.number ?? '' })
          : t('settlement.drill.title', { what })
      }
      open
      onClose={onClose}
      size="wide"
    >
      {order ? (
        <div className="receipt-frame">
          <Receipt order={order} />
        </div>
      ) : !result ? (
        <p aria-busy="true" />
      ) : result.orders.length === 0 ? (
        <p className="muted">{t('settlement.drill.none')}</p>
      ) : (
        <>
          <OrdersTable
            orders={result.orders}
            amount={{ label: amountLabel, of: (o) => figureAmount.get(o.id) ?? 0 }}
            onOpen={(orderId) => void call('orders:get', { orderId }).then(setOrder)}
          />
          {result.total > result.orders.length && (
            <p className="muted">
              {t('settlement.drill.more', { shown: result.orders.length, total: result.total })}
            </p>
          )}
        </>
      )}
      <div className="dialog__actions">
        {order && (
          <button type="button" className="button" onClick={() => setOrder(null)}>
            {t('settlement.drill.back')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('evaluations.close')}
        </button>
      </div>
    </Dialog>
  )
}
