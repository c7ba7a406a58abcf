import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZReport } from '@shared/contract/channels/settlement'
import { useMoney } from '../../lib/money'

// Hand-made SVG: two small charts do not need a charting library. Geometry is pixels; every
// amount shown is formatted from minor units.

const W = 640
const H = 220
const PAD = { left: 8, right: 8, top: 16, bottom: 28 }

const activate = (run: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault()
    run()
  }
}

/** Sales by hour as bars; each bar opens the orders of that hour. */
export function HourChart({ report, onPick }: { report: ZReport; onPick: (hour: number) => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const byHour = new Map(report.byHour.map((h) => [h.hour, h]))
  const hours = report.byHour.map((h) => h.hour)
  const first = Math.min(8, ...hours)
  const last = Math.max(21, ...hours)
  const span = last - first + 1
  const max = Math.max(1, ...report.byHour.map((h) => h.sales))
  const slot = (W - PAD.left - PAD.right) / span
  const plot = H - PAD.top - PAD.bottom
  const summary = report.byHour
    .map((h) =>
      t('settlement.chart.hourBar', {
        hour: h.hour,
        amount: money(h.sales, report.currency),
        count: h.orders
      })
    )
    .join('; ')

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="chart__svg"
        role="group"
        aria-label={summary || t('settlement.chart.empty')}
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="chart__axis"
        />
        {Array.from({ length: span }, (_, i) => {
          const hour = first + i
          const row = byHour.get(hour)
          const x = PAD.left + i * slot
          const height = row && row.sales > 0 ? Math.max(2, (row.sales / max) * plot) : 0
          const label = t('settlement.chart.hourBar', {
            hour,
            amount: money(row?.sales ?? 0, report.currency),
            count: row?.orders ?? 0
          })
          return (
            <g key={hour}>
              {row && (
                <g
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  className="chart__bar"
                  onClick={() => onPick(hour)}
                  onKeyDown={activate(() => onPick(hour))}
                >
                  <title>{label}</title>
                  <rect
                    x={x + slot * 0.15}
                    width={slot * 0.7}
                    y={H - PAD.bottom - height}
                    height={height}
                    rx={3}
                  />
                  <rect x={x} width={slot} y={PAD.top} height={plot} className="chart__hit" />
                </g>
              )}
              {(span <= 16 || hour % 2 === 0 || row) && (
                <text x={x + slot / 2} y={H - 8} textAnchor="middle" className="chart__tick">
                  {hour}
                </text>
              )}
            </g>
          )
        })}
        {report.byHour.length > 0 && (
          <text x={W - PAD.right} y={PAD.top - 4} textAnchor="end" className="chart__tick">
            {money(max, report.currency)}
          </text>
        )}
      </svg>
      {report.byHour.length === 0 && <figcaption className="muted">{t('settlement.chart.empty')}</figcaption>}
    </figure>
  )
}

const COLORS: Record<string, string> = {
  cash: '#0f766e',
  card: '#2563eb',
  alipay: '#0ea5e9',
  wechat: '#16a34a'
}

/** The tender mix as a ring, with a legend whose entries open the orders paid that way. */
export function TenderMix({ report, onPick }: { report: ZReport; onPick: (method: string) => void }) {
  const { t } = useTranslation()
  const money = useMoney()
  const tenders = report.tenders.filter((tender) => tender.net > 0)
  const total = tenders.reduce((sum, tender) => sum + tender.net, 0)
  const r = 70
  const circumference = 2 * Math.PI * r
  const lengths = tenders.map((tender) => (total > 0 ? (tender.net / total) * circumference : 0))
  const offsets = lengths.map((_, k) => lengths.slice(0, k).reduce((a, b) => a + b, 0))
  return (
    <figure className="chart chart--ring">
      <svg
        viewBox="0 0 200 200"
        className="chart__ring"
        role="img"
        aria-label={
          tenders
            .map(
              (x) =>
                `${t(`settlement.methods.${x.method}`, { defaultValue: x.method })} ${money(x.net, report.currency)}`
            )
            .join('; ') || t('settlement.chart.empty')
        }
      >
        <circle cx={100} cy={100} r={r} className="chart__ring-track" />
        {tenders.map((tender, i) => {
          const length = lengths[i]!
          return (
            <circle
              key={tender.method}
              cx={100}
              cy={100}
              r={r}
              fill="none"
              stroke={COLORS[tender.method] ?? '#6b7280'}
              strokeWidth={34}
              strokeDasharray={`${length} ${circumference - length}`}
              strokeDashoffset={-(offsets[i] ?? 0)}
              transform="rotate(-90 100 100)"
            />
          )
        })}
      </svg>
      <ul className="chart__legend">
        {report.tenders.map((tender) => (
          <li key={tender.method}>
            <button type="button" className="chart__legend-item" onClick={() => onPick(tender.method)}>
              <span
                className="chart__swatch"
                style={{ background: COLORS[tender.method] ?? '#6b7280' }}
                aria-hidden="true"
              />
              <span>{t(`settlement.methods.${tender.method}`, { defaultValue: tender.method })}</span>
              <strong>{money(tender.net, report.currency)}</strong>
            </button>
          </li>
        ))}
      </ul>
    </figure>
  )
}
