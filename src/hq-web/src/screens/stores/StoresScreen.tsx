import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { useSession } from '../../session-store'
import { CreateStoreDialog } from './CreateStoreDialog'
import { EnrolCodeDialog } from './EnrolCodeDialog'
import { TillsTable } from './TillsTable'
import { TimeZoneDialog } from './TimeZoneDialog'

/** Stores, their tills, new stores (owner) and enrolment codes (owner, a store's manager). */
export function StoresScreen() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const { data, error, reload } = useLoad(() => call(hqApi.stores.list, {}), 'stores')
  const [creating, setCreating] = useState(false)
  const [enrolFor, setEnrolFor] = useState<HqStore | null>(null)
  const [zoneFor, setZoneFor] = useState<HqStore | null>(null)

  return (
    <section className="screen" aria-labelledby="stores-title">
      <ScreenHeader titleId="stores-title" title={t('hq.stores.title')} subtitle={t('hq.stores.subtitle')}>
        <div className="hq-actions">
          <button type="button" className="button" onClick={() => reload()}>
            {t('hq.common.refresh')}
          </button>
          {role === 'owner' && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('hq.stores.create')}
            </button>
          )}
        </div>
      </ScreenHeader>
      <ErrorNotice error={error} />
      {data && data.stores.length === 0 && <p className="empty-state">{t('hq.stores.empty')}</p>}
      {data?.stores.map((store) => (
        <article key={store.id} className="panel hq-store" aria-labelledby={`store-${store.id}`}>
          <header className="hq-store__header">
            <div className="hq-store__title">
              <h2 id={`store-${store.id}`} className="panel__title hq-long-name" title={store.name}>
                {store.name}
              </h2>
              <p className="muted">{store.timeZone}</p>
            </div>
            <div className="hq-actions">
              {role === 'owner' && (
                <button
                  type="button"
                  className="button"
                  aria-label={t('hq.stores.zoneOf', { store: store.name })}
                  onClick={() => setZoneFor(store)}
                >
                  {t('hq.stores.zoneChange')}
                </button>
              )}
              {role !== 'auditor' && (
                <button type="button" className="button" onClick={() => setEnrolFor(store)}>
                  {t('hq.stores.enrol')}
                </button>
              )}
            </div>
          </header>
          <TillsTable tills={store.tills} now={data.serverTime} timeZone={store.timeZone} />
        </article>
      ))}
      {data && creating && (
        <CreateStoreDialog
          open
          defaultZone={data.hqTimeZone}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            reload()
          }}
        />
      )}
      {enrolFor && <EnrolCodeDialog store={enrolFor} onClose={() => setEnrolFor(null)} />}
      {zoneFor && (
        <TimeZoneDialog
          store={zoneFor}
          onClose={() => setZoneFor(null)}
          onChanged={() => {
            setZoneFor(null)
            reload()
          }}
        />
      )}
    </section>
  )
}
