import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { StoreToday } from '@shared/hq-api/dashboard'
import { formatTick, niceMoneyTicks } from '../../lib/axis-ticks'
import { useMoney } from '../../lib/money'

const COLOURS = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d', '#db2777']

/** A chart's figures in words for screen readers (the chart itself is a picture). */
function Summary({ lines }: { lines: string[] }) {
  return (
    <ul className="visually-hidden">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  )
}

/**
 * A money axis with even, round ticks in whole major units (never recharts' own, which stepped
 * ¥0, ¥85, ¥170, ¥340 once it dropped a crowded label), wide enough for its longest label so
 * nothing is clipped at the chart's edge.
 */
function moneyAxis(values: number[], currency: string, locale: string, maxTicks = 4) {
  const ticks = niceMoneyTicks(Math.min(0, ...values), Math.max(0, ...values), currency, maxTicks)
  const longest = Math.max(...ticks.map((v) => formatTick(v, currency, locale).length))
  const axis = {
    ticks,
    domain: [ticks[0]!, ticks[ticks.length - 1]!] as [number, number],
    interval: 0 as const
  }
  // About 10 px a character at the axis's font, plus the tick mark and its gap.
  return { axis, labelWidth: 20 + longest * 10 }
}

/**
 * Today's sales of stores that sell in one currency, as recharts charts: net sales by store,
 * sales by local hour (stacked by store), net by tender. Amounts stay minor units; the axes and
 * tooltips format them with the till's money formatting.
 */
export function SalesCharts({ stores, currency }: { stores: StoreToday[]; currency: string }) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const format = (value: unknown) => money(Number(value), currency)
  const tick = (value: unknown) => formatTick(Number(value), currency, i18n.language)
  const byStore = stores.map((s) => ({ name: s.name, net: s.netSales }))
  // Every hour from the first sale to the last (quiet hours show as gaps, not as missing).
  const sold = stores.flatMap((s) => s.byHour.map((h) => h.hour))
  const hours = sold.length
    ? Array.from({ length: Math.max(...sold) - Math.min(...sold) + 1 }, (_, i) => Math.min(...sold) + i)
    : []
  const byHour = hours.map((hour) => ({
    hour: t('hq.dashboard.hour', { hour }),
    ...Object.fromEntries(stores.map((s) => [s.name, s.byHour.find((h) => h.hour === hour)?.sales ?? 0]))
  }))
  const tenders = new Map<string, number>()
  for (const store of stores)
    for (const t of store.byTender) tenders.set(t.method, (tenders.get(t.method) ?? 0) + t.net)
  const byTender = [...tenders].map(([method, net]) => ({
    method: t(`payments.methods.${method}`, { defaultValue: method }),
    net
  }))
  const hourTotals = byHour.map((row) =>
    stores.reduce((sum, s) => sum + Number((row as Record<string, unknown>)[s.name] ?? 0), 0)
  )
  const storeAxis = moneyAxis(
    byStore.map((s) => s.net),
    currency,
    i18n.language
  )
  // Its labels sit side by side along a half-width chart: fewer, so they never touch at 1024.
  const tenderAxis = moneyAxis(
    byTender.map((row) => row.net),
    currency,
    i18n.language,
    2
  )
  const hourAxis = moneyAxis(hourTotals, currency, i18n.language)
  const line = (name: string, amount: number) =>
    t('hq.dashboard.chartSummary', { name, amount: money(amount, currency) })

  return (
    <div className="hq-charts">
      <figure className="panel hq-chart">
        <figcaption className="panel__title">{t('hq.dashboard.byStore')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={byStore} margin={{ top: 12, left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} />
            <YAxis {...storeAxis.axis} width={storeAxis.labelWidth} tickFormatter={tick} />
            <Tooltip formatter={format} />
            <Bar
              dataKey="net"
              name={t('hq.dashboard.netSales')}
              fill={COLOURS[0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
        <Summary lines={byStore.map((s) => line(s.name, s.net))} />
      </figure>
      <figure className="panel hq-chart">
        <figcaption className="panel__title">{t('hq.dashboard.byTender')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart
            data={byTender}
            layout="vertical"
            // Half the last tick's label hangs past the plot: room for it, so it is not clipped.
            margin={{ left: 8, right: 8 + tenderAxis.labelWidth / 2 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" {...tenderAxis.axis} tickFormatter={tick} />
            <YAxis type="category" dataKey="method" width={90} />
            <Tooltip formatter={format} />
            <Bar
              dataKey="net"
              name={t('hq.dashboard.netSales')}
              fill={COLOURS[1]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
        <Summary lines={byTender.map((row) => line(row.method, row.net))} />
      </figure>
      <figure className="panel hq-chart hq-chart--wide">
        <figcaption className="panel__title">{t('hq.dashboard.byHour')}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={byHour} margin={{ top: 12, left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" />
            <YAxis {...hourAxis.axis} width={hourAxis.labelWidth} tickFormatter={tick} />
            <Tooltip formatter={format} />
            <Legend />
            {stores.map((store, i) => (
              <Bar
                key={store.storeId}
                dataKey={store.name}
                stackId="sales"
                fill={COLOURS[i % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
        <Summary lines={byHour.map((row, i) => line(String(row.hour), hourTotals[i] ?? 0))} />
      </figure>
    </div>
  )
}
