import { businessDayWindow } from '@shared/time/zone'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Bench, BenchRow } from './bench'
import { medianMs } from './bench'
import { systemClock } from '../src/main/core/clock'
import { createEventBus } from '../src/main/core/event-bus'
import { silentLogger } from '../src/main/core/logger'
import { createNotificationsService } from '../src/main/services/notifications-service'
import { createSettingsService } from '../src/main/services/settings-service'
import { createSettlementService } from '../src/main/services/settlement/settlement-service'
import { openDatabase } from '../src/main/store/database'
import { createStore } from '../src/main/store/store'

const DAYS = 50
const PER_DAY = 20_000
const FIRST_DAY = new Date(2026, 0, 1)
const DAY = '2026-01-25'
const SKUS = Array.from({ length: 400 }, (_, i) => ({
  sku: `SKU-${String(i).padStart(4, '0')}`,
  price: 100 + ((i * 37) % 5000),
  rate: i % 3 === 0 ? '0.13' : '0.09'
}))
const CASHIERS = ['cashier-a', 'cashier-b', 'cashier-c', 'cashier-d']

/** One million paid orders (50 days × 20,000), 1–3 lines and a cash payment each, in one transaction. */
function generate(db: Database): void {
  const order = db.prepare(`
    INSERT INTO orders (id, number, terminal, status, currency, rounding, tax_mode, cashier_user_id, gross_total, line_discount_total,
      order_discount_total, tax_total, total, cash_rounding, paid_total, created_at, updated_at, paid_at, closed_at)
    VALUES (?, ?, 'T01', ?, 'CNY', 'half-up', 'inclusive', ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?, ?)`)
  const line = db.prepare(`
    INSERT INTO order_lines (id, order_id, position, sku, name, quantity, unit_price, list_price, tax_rate, gross, line_discount, net,
      net_after_discount, tax, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const payment = db.prepare(`
    INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, created_at, completed_at)
    VALUES (?, ?, ?, 'succeeded', ?, ?, 0, ?, ?)`)
  const methods = ['cash', 'cash', 'alipay', 'wechat', 'card']
  // A big page cache keeps the indexes' pages in memory while four million rows go in.
  db.pragma('cache_size = -262144')
  db.transaction(() => {
    let n = 0
    for (let d = 0; d < DAYS; d++) {
      const open = new Date(
        FIRST_DAY.getFullYear(),
        FIRST_DAY.getMonth(),
        FIRST_DAY.getDate() + d,
        8
      ).getTime()
      for (let i = 0; i < PER_DAY; i++, n++) {
        const id = `o${String(n).padStart(7, '0')}`
        const at = new Date(open + Math.floor((i * 14 * 3_600_000) / PER_DAY)).toISOString()
        let gross = 0
        let discount = 0
        let tax = 0
        const count = 1 + (n % 3)
        const rows: unknown[][] = []
        for (let l = 0; l < count; l++) {
          const item = SKUS[(n * 7 + l * 13) % SKUS.length]!
          const quantity = 1 + ((n + l) % 2)
          const lineGross = item.price * quantity
          const lineDiscount = (n + l) % 10 === 0 ? 50 : 0
          const net = lineGross - lineDiscount
          const lineTax = Math.round(
            (net * (item.rate === '0.13' ? 13 : 9)) / (item.rate === '0.13' ? 113 : 109)
          )
          gross += lineGross
          discount += lineDiscount
          tax += lineTax
          rows.push([
            `${id}-${l}`,
            id,
            l,
            item.sku,
            item.sku,
            String(quantity),
            item.price,
            item.price,
            item.rate,
            lineGross,
            lineDiscount,
            net,
            net,
            lineTax,
            net
          ])
        }
        const total = gross - discount
        const voided = n % 97 === 0
        order.run(
          id,
          `T01-${n}`,
          voided ? 'voided' : 'paid',
          CASHIERS[n % CASHIERS.length]!,
          gross,
          discount,
          tax,
          total,
          total,
          at,
          at,
          at,
          voided ? at : null
        )
        for (const row of rows) line.run(...row)
        payment.run(`${id}-p`, id, methods[n % methods.length]!, total, total, at, at)
      }
    }
  }).immediate()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('cache_size = -2000')
  db.exec('ANALYZE')
}

/**
 * The baseline: the same figures (totals by cashier and hour, tax and products by SKU and rate,
 * tenders by method, the day's voids) with hand-written aggregates and nothing around them.
 */
function handWritten(db: Database) {
  const { from, to } = businessDayWindow(DAY, Intl.DateTimeFormat().resolvedOptions().timeZone)
  const statement = db.prepare(`
    WITH day AS (SELECT * FROM orders WHERE paid_at >= @from AND paid_at < @to)
    SELECT 's' AS k, cashier_user_id AS a, CAST(strftime('%H', paid_at, 'localtime') AS INTEGER) AS b, count(*) AS n,
      sum(gross_total) AS x1, sum(line_discount_total) AS x2, sum(order_discount_total) AS x3, sum(tax_total) AS x4, sum(total) AS x5,
      sum(cash_rounding) AS x6 FROM day GROUP BY a, b
    UNION ALL
    SELECT 'v', cashier_user_id, CAST(strftime('%H', paid_at, 'localtime') AS INTEGER), count(*), sum(gross_total), sum(line_discount_total),
      sum(order_discount_total), sum(tax_total), sum(total), sum(cash_rounding)
      FROM orders WHERE status = 'voided' AND closed_at >= @from AND closed_at < @to GROUP BY 2, 3
    UNION ALL
    SELECT 'l', l.sku, l.tax_rate, count(*), sum(CAST(round(l.quantity * 1000) AS INTEGER)), sum(l.total), sum(l.tax), 0, 0, 0
      FROM day JOIN order_lines l ON l.order_id = day.id GROUP BY l.sku, l.tax_rate
    UNION ALL
    SELECT 't', p.method, NULL, count(*), sum(p.amount), 0, 0, 0, 0, 0
      FROM day JOIN payments p ON p.order_id = day.id WHERE p.status = 'succeeded' GROUP BY p.method`)
  return () => statement.all({ from, to })
}

export const bench: Bench = {
  title: `Z-report of a day of ${PER_DAY.toLocaleString('en')} orders in a file of ${(DAYS * PER_DAY).toLocaleString('en')}`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-bench-zreport-'))
    try {
      const { db } = await openDatabase(join(dir, 'kassa.sqlite'), { backupDir: join(dir, 'backups') })
      const started = performance.now()
      generate(db)
      const generated = performance.now() - started
      const store = createStore(db)
      const ctx = { store, clock: systemClock, events: createEventBus(), logger: silentLogger }
      const settings = createSettingsService(ctx)
      settings.ensureProfile()
      const settlement = createSettlementService(ctx, {
        settings,
        notifications: createNotificationsService(ctx, { platform: {} })
      })
      const report = settlement.report(DAY)
      if (report.orderCount <= 0 || report.orderCount > PER_DAY)
        throw new Error(`unexpected order count ${report.orderCount}`)

      const baselineQuery = handWritten(db)
      const baseline = await medianMs(7, baselineQuery)
      const figure = await medianMs(7, () => settlement.report(DAY))
      const ratio = figure / baseline
      db.close()
      return [
        {
          name: 'settlement:report (live Z-report: totals, tax by rate, tenders, by cashier, by hour, top products)',
          figure: {
            label: `${report.orderCount} standing orders, ${report.voids.count} voids, ${report.topProducts.length} top products (file generated in ${(generated / 1000).toFixed(1)} s)`,
            ms: figure
          },
          baseline: { label: 'one hand-written SQL aggregate of the same figures', ms: baseline },
          note: `×${ratio.toFixed(2)} of the hand-written aggregate (target ≤ ×1.5): ${ratio <= 1.5 ? 'met' : 'missed'}`
        }
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
