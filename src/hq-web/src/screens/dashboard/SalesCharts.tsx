import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { StoreToday } from '@shared/hq-api/dashboard'
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
 * Today's sales of stores that sell in one currency, as recharts charts: net sales by store,
 * sales by local hour (stacked by store), net by tender. Amounts stay minor units; the axes and
 * tooltips format them with the till's money formatting.
 */
export function SalesCharts({ stores, currency }: { stores: StoreToday[]; currency: string }) {
  const { t } = useTranslation()
  const money = useMoney()
  const format = (value: unknown) => money(Number(value), currency)
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
  const line = (name: string, amount: number) =>
    t('hq.dashboard.chartSummary', { name, amount: money(amount, currency) })

  return (
    <div className="hq-charts">
      <figure className="panel hq-chart">
        <figcaption className="panel__title">{t('hq.dashboard.byStore')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={byStore} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis tickFormatter={format} width={90} />
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
          <BarChart data={byTender} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={format} />
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
          <BarChart data={byHour} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" />
            <YAxis tickFormatter={format} width={90} />
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
        <Summary
          lines={byHour.map((row) =>
            line(
              String(row.hour),
              stores.reduce((sum, s) => sum + Number((row as Record<string, unknown>)[s.name] ?? 0), 0)
            )
          )}
        />
      </figure>
    </div>
  )
}
