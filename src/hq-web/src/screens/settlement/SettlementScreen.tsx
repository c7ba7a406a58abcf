import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Printer } from 'lucide-react'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { Field } from '@renderer/components/Field'
import { downloadCsv } from '@renderer/lib/download'
import { hqApi } from '@shared/hq-api/index'
import type { ConsolidatedDayView } from '@shared/hq-api/settlement'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { navigate, useLocation } from '../../route'
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
  const [draft, setDraft] = useState({ date, storeId })
  const [stores, setStores] = useState<HqStore[]>([])
  const [day, setDay] = useState<ConsolidatedDayView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [orders, setOrders] = useState<OrdersScope | null>(null)

  useEffect(() => {
    call(hqApi.stores.list, {}).then((answer) => setStores(answer.stores), setError)
  }, [])
  const load = useCallback(async () => {
    try {
      setDay(await call(hqApi.settlement.day, { date, ...(storeId ? { storeId } : {}) }))
      setError(null)
    } catch (failure) {
      setDay(null)
      setError(failure)
    }
  }, [date, storeId])
  useEffect(() => {
    setDraft({ date, storeId })
    void load()
  }, [load, date, storeId])

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
      <form
        className="hq-filters hq-no-print"
        onSubmit={(event) => {
          event.preventDefault()
          navigate('settlement', { date: draft.date, ...(draft.storeId ? { store: draft.storeId } : {}) })
        }}
      >
        <Field label={t('hq.settlement.date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              value={draft.date}
              onChange={(event) => setDraft({ ...draft, date: event.target.value })}
              required
            />
          )}
        </Field>
        <Field label={t('hq.settlement.store')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={draft.storeId}
              onChange={(event) => setDraft({ ...draft, storeId: event.target.value })}
            >
              <option value="">{t('hq.settlement.allStores')}</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary">
          {t('hq.settlement.show')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {day && (
        <>
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
