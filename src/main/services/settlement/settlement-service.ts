import { businessDate, businessDayWindow, businessHour } from '@shared/time/zone'
import { justAfter, previousDate } from '@shared/time/calendar'
import { isCalendarDate } from '@shared/contract/text'
import type { ZReport } from '@shared/contract/channels/settlement'
import { formatMinor } from '@shared/money/format'
import { DomainError, invalid } from '../../domain/errors'
import { LEDGER_ACCOUNTS, type LedgerAccount } from '../../domain/ledger/accounts'
import { buildZReport, ledgerMovementsOf, type DayFigures } from '../../domain/reports/z-report'
import { zReportCsv } from '../../domain/reports/z-report-text'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { DrillFilter, TimeWindow } from '../../store/repos/settlement-repo'
import type { NotificationsService } from '../notifications-service'
import { recordChange, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import type { Actor } from '../service-context'
import { orderSummary } from '../sell/order-views'

/** Which time windows make up a day's report. */
export interface DayWindows {
  /** The day itself (cut at its settlement, for a settled day). */
  main: TimeWindow
  /**
   * The tails of earlier days that had already been settled when something more happened in
   * them (a void after the count, a late order): that belongs to this day, as an adjustment.
   */
  late: TimeWindow[]
}

/**
 * Daily settlement. A money event (sale, void, refund, cash move) belongs to the first
 * business day, from its own, that had not been settled when it happened. So a settled day
 * never changes — its Z-report is frozen when it is settled — and anything that reaches it
 * later shows on the next open day as an adjustment. Reports are derived from orders,
 * payments, refunds and cash moves; `ledgerCheck` compares them with the journal.
 */
export function createSettlementService(
  ctx: ServiceContext,
  deps: { settings: SettingsService; notifications: NotificationsService }
) {
  const { store, clock } = ctx
  /** An instant's hour in the store's time zone ("by hour" figures); the zone is read once. */
  const hourIn = (): ((instant: Date) => number) => {
    const zone = deps.settings.timeZone()
    return (instant) => businessHour(instant, zone)
  }

  const checkDate = (date: string): void => {
    if (!isCalendarDate(date))
      throw invalid('date', 'must be a date such as 2026-11-25', {
        key: 'errors.validation.dateFormat',
        params: { example: '2026-11-25' }
      })
  }

  /** The windows of `date` as of `asOf` (its settlement moment, or now). */
  const windowsOf = (date: string, asOf: string | null): DayWindows => {
    const cap = (w: TimeWindow): TimeWindow =>
      asOf && asOf < w.to ? { from: w.from, to: justAfter(asOf) } : w
    const late: TimeWindow[] = []
    let cutoff = ''
    let day = previousDate(date)
    // Walk back over settled days: what happened in day d after it (and every later day up
    // to this one) was settled belongs here. Once the cutoff passes a day's end, nothing
    // earlier can qualify.
    for (let i = 0; i < 400; i++) {
      const settled = store.settlement.settledDay(day)
      if (!settled) break
      if (settled.settled_at > cutoff) cutoff = settled.settled_at
      const end = businessDayWindow(day, deps.settings.timeZone()).to
      if (cutoff >= end) break
      late.push(cap({ from: justAfter(cutoff), to: end }))
      day = previousDate(day)
    }
    return {
      main: cap(businessDayWindow(date, deps.settings.timeZone())),
      late: late.filter((w) => w.from < w.to)
    }
  }

  const figuresOf = (windows: TimeWindow[]) => {
    const r = store.settlement
    const refunds = { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
    const moves = new Map<string, number>()
    const hourOf = hourIn()
    const out = {
      sales: windows.flatMap((w) => r.sales(w, hourOf)),
      voids: windows.flatMap((w) => r.voids(w, hourOf)),
      saleLines: windows.flatMap(r.saleLines),
      voidLines: windows.flatMap(r.voidLines),
      refundLines: windows.flatMap(r.refundLines),
      saleTenders: windows.flatMap(r.saleTenders),
      voidTenders: windows.flatMap(r.voidTenders),
      refundTenders: [] as Array<{ method: string; amount: number }>,
      refunds,
      cashMoves: [] as Array<{ kind: string; amount: number }>
    }
    const refundTenders = new Map<string, number>()
    for (const w of windows) {
      const one = r.refunds(w)
      refunds.n += one.n
      refunds.orders += one.orders
      refunds.amount += one.amount
      refunds.tax += one.tax
      refunds.rounding += one.rounding
      for (const t of r.refundTenders(w))
        refundTenders.set(t.method, (refundTenders.get(t.method) ?? 0) + t.amount)
      for (const m of r.cashMoves(w)) moves.set(m.kind, (moves.get(m.kind) ?? 0) + m.amount)
    }
    out.refundTenders = [...refundTenders].map(([method, amount]) => ({ method, amount }))
    out.cashMoves = [...moves].map(([kind, amount]) => ({ kind, amount }))
    return out
  }

  const live = (date: string, asOf: string | null): Omit<ZReport, 'status' | 'settledAt' | 'settledBy'> => {
    const windows = windowsOf(date, asOf)
    const all = [windows.main, ...windows.late]
    const figures = figuresOf(all)
    const late = windows.late.length ? figuresOf(windows.late) : null
    const sum = (rows: Array<{ n: number; total: number }>, pick: 'n' | 'total') =>
      rows.reduce((s, row) => s + row[pick], 0)
    const cashierIds = new Set(figures.sales.map((b) => b.cashier).filter((id): id is string => id !== null))
    const cashierNames = new Map([...cashierIds].map((id) => [id, store.users.get(id)?.displayName ?? id]))
    const shifts = all
      .flatMap((w) => store.shifts.closedBetween(w.from, w.to))
      .map((shift) => ({
        id: shift.id,
        number: shift.number,
        kind: shift.kind,
        closedAt: shift.closed_at,
        expected: shift.expected_cash ?? 0,
        counted: shift.counted_cash ?? 0,
        overShort: shift.over_short ?? 0
      }))
    const day: DayFigures = {
      date,
      currency: deps.settings.getProfile().currency,
      // Said only when it is not the default (抹零): the head office's report of the day, which does not
      // know the store's setting yet, then stays equal to the till's for half-up stores.
      ...(deps.settings.getProfile().cashRoundingMode === 'down'
        ? { cashRoundingMode: 'down' as const }
        : {}),
      generatedAt: clock.now().toISOString(),
      ...figures,
      shifts,
      cashierNames,
      adjustments: late
        ? {
            orderCount: sum(late.sales, 'n') - sum(late.voids, 'n'),
            netSales: sum(late.sales, 'total') - sum(late.voids, 'total') - late.refunds.amount
          }
        : { orderCount: 0, netSales: 0 }
    }
    return buildZReport(day)
  }

  const report = (date: string): ZReport => {
    checkDate(date)
    const settled = store.settlement.settledDay(date)
    if (settled) {
      const frozen = JSON.parse(settled.report_json) as ZReport
      // A report frozen before the sales block was restated as one sum (no `salesTotal`) is
      // derived again as of its settlement moment: a settled day's events never change.
      if (frozen.salesTotal !== undefined) return frozen
      return {
        ...live(date, settled.settled_at),
        status: 'settled',
        settledAt: frozen.settledAt,
        settledBy: frozen.settledBy
      }
    }
    return { ...live(date, null), status: 'open', settledAt: null, settledBy: null }
  }

  const settledAsOf = (date: string): string | null => store.settlement.settledDay(date)?.settled_at ?? null

  return {
    /** The instants `date`'s report covers (ISO, half-open), as of its settlement if settled. Raises nothing. */
    windows: (date: string) => windowsOf(date, settledAsOf(date)),
    /**
     * The Z-report of a business day (`YYYY-MM-DD` in the store's time zone, not China time unless
     * the store is there): frozen as settled, else live as of now. Amounts in minor units.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`
     */
    report,

    /**
     * Settles a day: its report is frozen (a settled day never changes; later events land on the
     * next open day as adjustments), with its audit entry and the `settlement.day_closed` outbox
     * event in one transaction; then a notification carries its key figures.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`,
     *   `errors.settlement.dayNotBegun` (a future day); CONFLICT `date`
     *   `errors.settlement.alreadySettled` { date }, `errors.settlement.shiftsOpen` { shifts }
     *   (a shift opened before the day's end is still open)
     */
    settle(date: string, actor: Actor): ZReport {
      checkDate(date)
      const now = clock.now()
      if (date > businessDate(now, deps.settings.timeZone()))
        throw invalid('date', 'is a day that has not begun yet', {
          key: 'errors.settlement.dayNotBegun'
        })
      const settled = store.transaction(() => {
        if (store.settlement.settledDay(date)) {
          throw new DomainError(
            'CONFLICT',
            `${date} is already settled; a settled day never changes`,
            'date',
            {
              key: 'errors.settlement.alreadySettled',
              params: { date }
            }
          )
        }
        const open = store.shifts.openBefore(businessDayWindow(date, deps.settings.timeZone()).to)
        if (open.length > 0) {
          throw new DomainError(
            'CONFLICT',
            `Close every shift first: ${open.map((s) => s.number).join(', ')} still open`,
            'date',
            { key: 'errors.settlement.shiftsOpen', params: { shifts: open.map((s) => s.number).join(', ') } }
          )
        }
        const at = now.toISOString()
        const frozen: ZReport = {
          ...live(date, at),
          status: 'settled',
          settledAt: at,
          settledBy: store.users.get(actor.userId ?? '')?.displayName ?? null
        }
        store.settlement.insertSettled({
          date,
          settled_at: at,
          settled_by: actor.userId,
          currency: frozen.currency,
          report_json: JSON.stringify(frozen)
        })
        recordChange(ctx, {
          actorUserId: actor.userId,
          action: 'settlement.day_closed',
          subject: date,
          details: {
            date,
            netSales: frozen.netSales,
            orders: frozen.orderCount,
            collected: frozen.collected,
            overShort: frozen.cash.overShort
          },
          event: { type: 'settlement.day_closed', aggregateId: date, payload: frozen }
        })
        return frozen
      })
      deps.notifications.raise(dayClosedNotice(settled, deps.settings))
      return settled
    },

    /**
     * The orders behind one figure of a day's report (the Z-report's drill-down), a page of `limit`
     * from `offset`, each with `figureAmount`: its part of that figure in minor units (the tender's
     * amount for a method, the refunded total, a SKU's lines, or the payable total).
     * `adjustments` drills into the late windows only.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`
     */
    orders(
      date: string,
      filter: DrillFilter | (Omit<DrillFilter, 'figure'> & { figure: 'adjustments' }),
      limit: number,
      offset: number
    ) {
      checkDate(date)
      const windows = windowsOf(date, settledAsOf(date))
      const chosen = filter.figure === 'adjustments' ? windows.late : [windows.main, ...windows.late]
      if (chosen.length === 0) return { orders: [], total: 0 }
      const { rows, total } = store.settlement.drill(
        chosen,
        { ...filter, figure: filter.figure === 'adjustments' ? 'sales' : filter.figure },
        limit,
        offset,
        hourIn()
      )
      const partOf = (order: OrderRow): number => {
        if (filter.method !== undefined)
          return store.payments
            .forOrder(order.id)
            .filter((p) => p.status === 'succeeded' && p.method === filter.method)
            .reduce((sum, p) => sum + p.amount, 0)
        if (filter.figure === 'refunds') return order.refunded_total
        if (filter.sku !== undefined)
          return store.orders
            .lines(order.id)
            .filter((line) => line.sku === filter.sku)
            .reduce((sum, line) => sum + line.total, 0)
        // The Voids row subtracts order totals (before cash rounding); its orders show the same.
        return filter.figure === 'voids' ? order.total : order.total + order.cash_rounding
      }
      return {
        orders: rows.map((row) => ({ ...orderSummary(store, row), figureAmount: partOf(row) })),
        total
      }
    },

    /**
     * The day's Z-report as CSV in the interface language, named `z-report-<date>.csv`.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`
     */
    csv(date: string): { fileName: string; csv: string } {
      const language = deps.settings.getPreferences().language
      return { fileName: `z-report-${date}.csv`, csv: zReportCsv(report(date), language) }
    },

    /**
     * The report's figures against the journal's movements over the same windows, account by
     * account (minor units); `agrees` is false when any account differs.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`
     */
    ledgerCheck(date: string) {
      const z = report(date)
      const windows = windowsOf(date, settledAsOf(date))
      const ledger = new Map<string, number>()
      for (const w of [windows.main, ...windows.late]) {
        for (const row of store.settlement.ledger(w))
          ledger.set(row.account, (ledger.get(row.account) ?? 0) + row.net)
      }
      const expected = ledgerMovementsOf(z)
      const accounts = (Object.keys(LEDGER_ACCOUNTS) as LedgerAccount[]).map((account) => ({
        account,
        report: expected[account],
        ledger: ledger.get(account) ?? 0
      }))
      return { agrees: accounts.every((a) => a.report === a.ledger), accounts }
    }
  }
}

/** The notification a settled day raises, in the till's interface language. */
function dayClosedNotice(report: ZReport, settings: SettingsService) {
  const { locale } = settings.getProfile()
  const money = (minor: number) => formatMinor(minor, report.currency, locale)
  const zh = settings.getPreferences().language === 'zh-CN'
  const overShort = report.cash.overShort
  const cashNote = zh
    ? overShort === 0
      ? '钱箱无长短款'
      : `钱箱${overShort > 0 ? '长款' : '短款'} ${money(Math.abs(overShort))}`
    : overShort === 0
      ? 'drawer balanced'
      : `drawer ${overShort > 0 ? 'over' : 'short'} ${money(Math.abs(overShort))}`
  return {
    level: overShort === 0 ? ('success' as const) : ('warning' as const),
    // The screens show this in whatever language they are in when it is read.
    key: 'notifications.dayClosed',
    params: {
      date: report.date,
      netSales: money(report.netSales),
      orders: report.orderCount,
      collected: money(report.collected),
      drawerKey: `notifications.dayClosed.${overShort === 0 ? 'balanced' : overShort > 0 ? 'over' : 'short'}`,
      amount: money(Math.abs(overShort))
    },
    // As raised, for the desktop notification (shown once, now).
    title: zh ? `${report.date} 已日结` : `${report.date} settled`,
    body: zh
      ? `净销售额 ${money(report.netSales)} · ${report.orderCount} 笔订单 · 实收 ${money(report.collected)} · ${cashNote}`
      : `Net sales ${money(report.netSales)} · ${report.orderCount} order${report.orderCount === 1 ? '' : 's'} · collected ${money(report.collected)} · ${cashNote}`
  }
}

export type SettlementService = ReturnType<typeof createSettlementService>
