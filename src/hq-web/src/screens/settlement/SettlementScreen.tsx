import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Printer } from 'lucide-react'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { downloadCsv } from '@renderer/lib/download'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { useLocation } from '../../route'
import { DayFilter } from './DayFilter'
import { FiguresTable } from './FiguresTable'
import { OrdersDialog, type OrdersScope } from './OrdersDialog'
import { settlementCsv } from './settlement-csv'

/** Today in the browser's zone, YYYY-MM-DD (en-CA writes dates so); each store's day is its own. */
const today = () => new Intl.DateTimeFormat('en-CA').format(new Date())

/**
 * The consolidated daily settlement: pick a business day (and a store), see per till / store /
 * total figures with completeness badges, drill down to orders, export CSV, print (or save as
 * PDF through the browser's print dialog: the print stylesheet prints the page whole).
 * The day and store live in the address (`#/settlement?date=…&store=…`).
 */
export function SettlementScreen() {
  const { t } = useTranslation()
  const { params } = useLocation()
  const date = params.get('date') ?? today()
  const storeId = params.get('store') ?? ''
  const stores = useLoad(() => call(hqApi.stores.list, {}), 'stores').data?.stores ?? []
  const loaded = useLoad(
    () => call(hqApi.settlement.day, { date, ...(storeId ? { storeId } : {}) }),
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
      <DayFilter key={`${date}|${storeId}`} date={date} storeId={storeId} stores={stores} />
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
