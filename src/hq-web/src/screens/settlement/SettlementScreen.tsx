import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Printer } from 'lucide-react'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { downloadCsv } from '@renderer/lib/download'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { browserZone } from '../../lib/time'
import { useLoad } from '../../lib/use-load'
import { useLocation } from '../../route'
import { DayFilter } from './DayFilter'
import { FiguresTable } from './FiguresTable'
import { OrdersDialog, type OrdersScope } from './OrdersDialog'
import { settlementCsv } from './settlement-csv'

/** Today in `timeZone`, YYYY-MM-DD (en-CA writes dates so): a store's today, as the dashboard shows it. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())

/**
 * The consolidated daily settlement: pick a business day (and a store), see per till / store /
 * total figures with completeness badges, drill down to orders, export CSV, print (or save as
 * PDF through the browser's print dialog: the print stylesheet prints the page whole).
 * The day and store live in the address (`#/settlement?date=…&store=…`).
 */
export function SettlementScreen() {
  const { t } = useTranslation()
  const { params } = useLocation()
  const storeId = params.get('store') ?? ''
  const listed = useLoad(() => call(hqApi.stores.list, {}), 'stores')
  const stores = listed.data?.stores ?? []
  // No day asked for: the chosen store's today (the chain's first store's with all stores), not
  // the browser's or UTC's — known once the stores are (until then, nothing is asked).
  const home = stores.find((s) => s.id === storeId) ?? stores[0]
  const date =
    params.get('date') ??
    (listed.data ? todayIn(home?.timeZone ?? browserZone()) : listed.error ? todayIn(browserZone()) : null)
  const loaded = useLoad(
    () =>
      date === null
        ? Promise.resolve(null)
        : call(hqApi.settlement.day, { date, ...(storeId ? { storeId } : {}) }),
    `${date}|${storeId}`
  )
  const day = loaded.error ? null : loaded.data
  const error = loaded.error
  const [orders, setOrders] = useState<OrdersScope | null>(null)

  const exportCsv = () => {
    if (day) downloadCsv(`kassa-hq-settlement-${day.date}.csv`, settlementCsv(day, t))
  }
  const zoneOf = (id: string) => stores.find((s) => s.id === id)?.timeZone ?? 'UTC'

  return (
    <section className="screen hq-settlement" aria-labelledby="settlement-title">
      <ScreenHeader
        titleId="settlement-title"
        title={t('hq.settlement.title')}
        subtitle={t('hq.settlement.subtitle')}
      >
        <div className="hq-actions hq-no-print">
          <button type="button" className="button" onClick={exportCsv} disabled={!day}>
            <Download size={18} aria-hidden="true" /> {t('hq.settlement.exportCsv')}
          </button>
          <button type="button" className="button" onClick={() => window.print()} disabled={!day}>
            <Printer size={18} aria-hidden="true" /> {t('hq.settlement.print')}
          </button>
        </div>
      </ScreenHeader>
      <DayFilter key={`${date}|${storeId}`} date={date ?? ''} storeId={storeId} stores={stores} />
      <ErrorNotice error={error} />
      {day && (
        <>
          <p className="hq-print-only strong">
            {t('hq.settlement.date')}: {day.date} · {day.stores.map((s) => s.name).join(', ')}
          </p>
          <p
            className={`notice ${day.complete ? 'notice--ok' : 'notice--info'}`}
            role="status"
            data-testid="day-status"
          >
            {day.complete ? t('hq.settlement.dayComplete') : t('hq.settlement.dayIncomplete')}
          </p>
          {day.stores.length === 0 ? (
            <p className="empty-state">{t('hq.settlement.noStores')}</p>
          ) : (
            <FiguresTable
              day={day}
              onOrders={(id, tillId, label) =>
                setOrders({ storeId: id, tillId, label, timeZone: zoneOf(id) })
              }
            />
          )}
        </>
      )}
      {orders && day && <OrdersDialog date={day.date} scope={orders} onClose={() => setOrders(null)} />}
    </section>
  )
}
