import { useTranslation } from 'react-i18next'
import { CheckCircle2, TriangleAlert } from 'lucide-react'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { OpenAnomaliesLink } from '../anomalies/OpenAnomaliesLink'
import { hqApi } from '@shared/hq-api/index'
import type { StoreToday } from '@shared/hq-api/dashboard'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { useMoney } from '../../lib/money'
import { useDateTime } from '../../lib/time'
import { TillsTable } from '../stores/TillsTable'
import { SalesCharts } from './SalesCharts'

/** How often the dashboard asks again (the tills push within seconds of a sale). */
export const DASHBOARD_REFRESH_MS = 10_000

/** The currency most stores sell in: the charts add up stores of one currency only. */
function mainCurrency(stores: StoreToday[]): string {
  const counts = new Map<string, number>()
  for (const s of stores) counts.set(s.currency, (counts.get(s.currency) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'CNY'
}

/** Every store's today, its tills' sync state and charts of today's sales, polled. */
export function DashboardScreen() {
  const { t } = useTranslation()
  const money = useMoney()
  const dateTime = useDateTime()
  const { data, error, reload } = useLoad(
    () => call(hqApi.dashboard.today, {}),
    'dashboard',
    DASHBOARD_REFRESH_MS
  )

  const currency = data ? mainCurrency(data.stores) : 'CNY'
  return (
    <section className="screen" aria-labelledby="dashboard-title">
      <ScreenHeader
        titleId="dashboard-title"
        title={t('hq.dashboard.title')}
        subtitle={[
          t('hq.dashboard.subtitle', { seconds: DASHBOARD_REFRESH_MS / 1000 }),
          data ? t('hq.dashboard.updated', { time: dateTime(data.serverTime) }) : ''
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <div className="hq-actions">
          <button type="button" className="button" onClick={() => reload()}>
            {t('hq.common.refresh')}
          </button>
        </div>
      </ScreenHeader>
      <ErrorNotice error={error} />
      <OpenAnomaliesLink />
      {data && data.stores.length === 0 && <p className="empty-state">{t('hq.dashboard.empty')}</p>}
      {data && data.stores.length > 0 && (
        <>
          <div className="hq-kpis">
            {data.stores.map((store) => (
              <article key={store.storeId} className="panel hq-kpi" aria-label={store.name}>
                <h2 className="panel__title">{store.name}</h2>
                <p className="muted">{t('hq.dashboard.today', { date: store.date })}</p>
                <dl className="hq-kpi__figures">
                  <div>
                    <dt>{t('hq.dashboard.netSales')}</dt>
                    <dd className="strong">{money(store.netSales, store.currency)}</dd>
                  </div>
                  <div>
                    <dt>{t('hq.dashboard.orders')}</dt>
                    <dd>{store.orderCount}</dd>
                  </div>
                </dl>
                <span className={`badge hq-badge${store.complete ? ' hq-badge--ok' : ' badge--warn'}`}>
                  {store.complete ? (
                    <CheckCircle2 size={14} aria-hidden="true" />
                  ) : (
                    <TriangleAlert size={14} aria-hidden="true" />
                  )}{' '}
                  {store.complete ? t('hq.dashboard.complete') : t('hq.dashboard.incomplete')}
                </span>
              </article>
            ))}
          </div>
          <SalesCharts stores={data.stores.filter((s) => s.currency === currency)} currency={currency} />
          {data.stores.map((store) => (
            <section
              key={store.storeId}
              className="panel hq-store"
              aria-label={`${store.name} — ${t('hq.dashboard.tills')}`}
            >
              <h2 className="panel__title">
                {store.name} · {t('hq.dashboard.tills')}
              </h2>
              <TillsTable tills={store.tills} now={data.serverTime} timeZone={store.timeZone} />
            </section>
          ))}
        </>
      )}
    </section>
  )
}
