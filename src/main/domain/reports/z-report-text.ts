import Decimal from 'decimal.js'
import type { ZReport } from '@shared/contract/channels/settlement'
import { minorToDecimalString } from '@shared/money/format'

type Language = 'en' | 'zh-CN'

const LABELS = {
  en: {
    title: 'Z-report',
    status: { open: 'open (live figures)', settled: 'settled' },
    date: 'Business day',
    currency: 'Currency',
    settledAt: 'Settled at',
    orders: 'Orders',
    paidOrders: 'Orders paid',
    grossSales: 'Gross sales',
    taxAdded: 'Tax added to prices',
    salesTotal: 'Sales (order totals)',
    total: 'Total',
    beforeTax: 'on',
    sales: 'sales',
    refundsWord: 'refunds',
    salesSection: 'Sales',
    tendersTotal: 'Total = collected',
    afterVoids: 'Total (after voids, before refunds)',
    averageBasis: 'Average ticket (net sales ÷ orders)',
    productsBasis: 'sold − voided − refunded',
    lineDiscounts: 'Line discounts',
    couponDiscounts: 'Coupon discounts',
    voids: 'Voids',
    refunds: 'Refunds',
    netSales: 'Net sales',
    tax: 'Tax',
    taxRate: 'Tax at',
    refundedTax: 'Tax refunded',
    cashRounding: 'Cash rounding',
    cashRoundingDown: 'Cash rounding (down, 抹零)',
    collected: 'Collected',
    averageTicket: 'Average ticket',
    tenders: 'Tenders',
    cashiers: 'By cashier',
    hours: 'By hour',
    products: 'Top products',
    cash: 'Cash drawer',
    floats: 'Opening floats',
    cashSales: 'Cash sales',
    cashRefunds: 'Cash refunds',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    overShort: 'Over/short',
    dropped: 'Counted and taken out',
    adjustments: 'Adjustments to earlier settled days',
    shift: 'Shift',
    expected: 'expected',
    counted: 'counted',
    section: 'Section',
    item: 'Item',
    count: 'Count',
    amount: 'Amount',
    methods: { cash: 'Cash', card: 'Card', alipay: 'Alipay', wechat: 'WeChat Pay' } as Record<string, string>,
    unknownCashier: '(no cashier)'
  },
  'zh-CN': {
    title: '日结报表（Z 报表）',
    status: { open: '未日结（实时数据）', settled: '已日结' },
    date: '营业日',
    currency: '币种',
    settledAt: '日结时间',
    orders: '订单数',
    paidOrders: '已付款订单',
    grossSales: '销售总额',
    taxAdded: '价外税',
    salesTotal: '销售额（订单合计）',
    total: '合计',
    beforeTax: '不含税',
    sales: '销售',
    refundsWord: '退款',
    salesSection: '销售',
    tendersTotal: '合计 = 实收',
    afterVoids: '合计（作废后、退款前）',
    averageBasis: '客单价（净销售额 ÷ 订单数）',
    productsBasis: '售出 − 作废 − 退款',
    lineDiscounts: '单品折扣',
    couponDiscounts: '优惠券折扣',
    voids: '作废',
    refunds: '退款',
    netSales: '净销售额',
    tax: '税额',
    taxRate: '税率',
    refundedTax: '退还税额',
    cashRounding: '现金抹零',
    cashRoundingDown: '现金抹零（向下取整）',
    collected: '实收',
    averageTicket: '客单价',
    tenders: '收款方式',
    cashiers: '按收银员',
    hours: '按小时',
    products: '畅销商品',
    cash: '钱箱',
    floats: '备用金',
    cashSales: '现金销售',
    cashRefunds: '现金退款',
    cashIn: '存入现金',
    cashOut: '取出现金',
    overShort: '长短款',
    dropped: '清点后取出',
    adjustments: '对已日结营业日的调整',
    shift: '班次',
    expected: '应有',
    counted: '实点',
    section: '分类',
    item: '项目',
    count: '数量',
    amount: '金额',
    methods: { cash: '现金', card: '银行卡', alipay: '支付宝', wechat: '微信支付' } as Record<string, string>,
    unknownCashier: '（无收银员）'
  }
} as const

/** "0.13" → "13%", exactly (decimal.js, never a float). */
const pct = (rate: string): string => `${new Decimal(rate).times(100).toFixed()}%`

/** Rows of (section, item, count, amount) — the one list both the text and CSV forms print. */
function rows(report: ZReport, language: Language): Array<[string, string, string, string]> {
  const L = LABELS[language]
  const m = (minor: number) => minorToDecimalString(minor, report.currency)
  const out: Array<[string, string, string, string]> = []
  const sales = L.salesSection
  const sum = <T>(list: readonly T[], pick: (row: T) => number) => list.reduce((n, row) => n + pick(row), 0)
  // Top to bottom, each total is the sum of the rows above it.
  out.push(
    [sales, L.grossSales, String(report.paidOrders), m(report.grossSales)],
    [sales, L.lineDiscounts, '', m(-report.lineDiscounts)],
    [sales, L.couponDiscounts, '', m(-report.couponDiscounts)]
  )
  if (report.taxAdded !== 0) out.push([sales, L.taxAdded, '', m(report.taxAdded)])
  out.push(
    [sales, L.salesTotal, String(report.paidOrders), m(report.salesTotal)],
    [sales, L.voids, String(report.voids.count), m(-report.voids.sales)],
    [sales, L.refunds, String(report.refunds.count), m(-report.refunds.amount)],
    [sales, L.netSales, String(report.orderCount), m(report.netSales)],
    [
      sales,
      report.cashRoundingMode === 'down' ? L.cashRoundingDown : L.cashRounding,
      '',
      m(report.cashRounding)
    ],
    [sales, L.collected, '', m(report.collected)],
    [sales, L.averageBasis, String(report.orderCount), m(report.averageTicket)]
  )
  // Tax rows: the amount column is the tax; the item names the amount before tax it was on.
  const taxRow = (item: string, net: number, tax: number): [string, string, string, string] => [
    L.tax,
    `${item} (${L.beforeTax} ${m(net)})`,
    '',
    m(tax)
  ]
  for (const rate of report.taxByRate) out.push(taxRow(`${L.taxRate} ${pct(rate.rate)}`, rate.net, rate.tax))
  out.push(taxRow(L.refundedTax, -(report.refunds.amount - report.refunds.tax), -report.refunds.tax))
  out.push(taxRow(L.total, report.netSales - report.taxTotal, report.taxTotal))
  // Tender rows: the amount column is the tender's net; the item says what it is made of.
  for (const t of report.tenders) {
    const name = L.methods[t.method] ?? t.method
    out.push([
      L.tenders,
      `${name} (${L.sales} ${m(t.sales)} − ${L.refundsWord} ${m(t.refunds)})`,
      '',
      m(t.net)
    ])
  }
  out.push([L.tenders, L.tendersTotal, '', m(sum(report.tenders, (t) => t.net))])
  for (const c of report.byCashier)
    out.push([L.cashiers, c.name ?? L.unknownCashier, String(c.orders), m(c.sales)])
  out.push([
    L.cashiers,
    L.afterVoids,
    String(sum(report.byCashier, (c) => c.orders)),
    m(sum(report.byCashier, (c) => c.sales))
  ])
  for (const h of report.byHour)
    out.push([L.hours, `${String(h.hour).padStart(2, '0')}:00`, String(h.orders), m(h.sales)])
  out.push([
    L.hours,
    L.afterVoids,
    String(sum(report.byHour, (h) => h.orders)),
    m(sum(report.byHour, (h) => h.sales))
  ])
  const products = `${L.products} (${L.productsBasis})`
  for (const p of report.topProducts) {
    out.push([
      products,
      `${p.sku} ${language === 'en' ? (p.nameEn ?? p.name) : p.name}`,
      p.quantity,
      m(p.sales)
    ])
  }
  const c = report.cash
  out.push(
    [L.cash, L.floats, '', m(c.floats)],
    [L.cash, L.cashSales, '', m(c.cashSales)],
    [L.cash, L.cashRefunds, '', m(-c.cashRefunds)],
    [L.cash, L.cashIn, '', m(c.cashIn)],
    [L.cash, L.cashOut, '', m(-c.cashOut)],
    [L.cash, L.overShort, '', m(c.overShort)],
    [L.cash, L.dropped, '', m(c.dropped)]
  )
  for (const shift of c.shifts) {
    out.push([
      L.cash,
      `${L.shift} ${shift.number}: ${L.expected} ${m(shift.expected)}, ${L.counted} ${m(shift.counted)}`,
      '',
      m(shift.overShort)
    ])
  }
  if (report.adjustments.orderCount !== 0 || report.adjustments.netSales !== 0) {
    out.push([
      L.adjustments,
      L.netSales,
      String(report.adjustments.orderCount),
      m(report.adjustments.netSales)
    ])
  }
  return out
}

/** The Z-report as plain text for a terminal or a printer: one figure a line, amounts as decimals. */
export function zReportText(report: ZReport, language: Language = 'en'): string {
  const L = LABELS[language]
  const head = [
    `${L.title} — ${report.date} (${L.status[report.status]})`,
    `${L.currency}: ${report.currency}${report.settledAt ? `   ${L.settledAt}: ${report.settledAt}` : ''}`
  ]
  const body: string[] = []
  let section = ''
  for (const [sec, item, count, amount] of rows(report, language)) {
    if (sec !== section) {
      body.push('', sec)
      section = sec
    }
    body.push(`  ${item.padEnd(56)} ${count.padStart(10)} ${amount.padStart(14)}`)
  }
  return `${[...head, ...body].join('\n')}\n`
}

const csvCell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * The Z-report as CSV: a UTF-8 BOM (spreadsheets then read Chinese correctly), a header row,
 * then one row per figure. Amounts are plain decimals in the store currency.
 */
export function zReportCsv(report: ZReport, language: Language = 'en'): string {
  const L = LABELS[language]
  const lines = [
    [L.section, L.item, L.count, `${L.amount} (${report.currency})`],
    [L.date, report.date, '', L.status[report.status]],
    ...rows(report, language)
  ]
  return `\uFEFF${lines.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
