import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '@renderer/components/SelectField'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { ANOMALY_KINDS, ANOMALY_SEVERITIES, type HqAnomaly } from '@shared/hq-api/anomalies'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { navigate, useLocation } from '../../route'
import { useSession } from '../../session-store'
import { AnomalyCard } from './AnomalyCard'
import { EventDialog } from './EventDialog'
import { ResolveDialog } from './ResolveDialog'
import './anomalies.css'

type Filters = { store: string; kind: string; severity: string; status: 'open' | 'resolved'; till: string }

const FILTER_KEYS = ['store', 'kind', 'severity', 'status', 'till'] as const

/**
 * The anomalies inbox: open (or resolved) anomalies of the stores the user may see, filtered by
 * store, kind, severity and till (the filters live in the address, so a till link is a filter);
 * owner and a store's manager resolve with a note, an auditor reads.
 */
export function AnomaliesScreen() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const location = useLocation()
  const filters: Filters = {
    store: location.params.get('store') ?? '',
    kind: location.params.get('kind') ?? '',
    severity: location.params.get('severity') ?? '',
    status: location.params.get('status') === 'resolved' ? 'resolved' : 'open',
    till: location.params.get('till') ?? ''
  }
  const query = location.params.toString()
  const listed = useLoad(() => {
    const params = new URLSearchParams(query)
    return call(hqApi.anomalies.list, {
      status: params.get('status') === 'resolved' ? 'resolved' : 'open',
      ...(params.get('store') ? { storeId: params.get('store')! } : {}),
      ...(params.get('kind') ? { kind: params.get('kind') as HqAnomaly['kind'] } : {}),
      ...(params.get('severity') ? { severity: params.get('severity') as HqAnomaly['severity'] } : {}),
      ...(params.get('till') ? { tillId: params.get('till')! } : {})
    })
  }, `anomalies?${query}`)
  const storesLoaded = useLoad(() => call(hqApi.stores.list, {}), 'stores')
  const stores: HqStore[] = storesLoaded.data?.stores ?? []
  const data = listed.data
  const error = listed.error ?? storesLoaded.error
  const load = listed.reload
  const [resolving, setResolving] = useState<HqAnomaly | null>(null)
  const [opened, setOpened] = useState<{ event: HqAnomaly['events'][number]; storeId: string } | null>(null)

  const set = (change: Partial<Filters>) => {
    const next = { ...filters, ...change }
    const params: Record<string, string> = {}
    for (const key of FILTER_KEYS)
      if (next[key] && !(key === 'status' && next[key] === 'open')) params[key] = next[key]
    navigate('anomalies', params)
  }
  const zoneOf = (storeId: string) => stores.find((s) => s.id === storeId)?.timeZone
  const tillCode =
    stores.flatMap((s) => s.tills).find((till) => till.id === filters.till)?.code ?? filters.till
  const mayResolve = (anomaly: HqAnomaly) =>
    role === 'owner' ||
    (role === 'manager' && (useSession.getState().user?.storeIds ?? []).includes(anomaly.storeId))

  return (
    <section className="screen anomalies" aria-labelledby="anomalies-title">
      <ScreenHeader
        titleId="anomalies-title"
        title={t('hq.anomalies.title')}
        subtitle={t('hq.anomalies.subtitle')}
      >
        <div className="hq-actions">
          <button type="button" className="button" onClick={() => load()}>
            {t('hq.common.refresh')}
          </button>
        </div>
      </ScreenHeader>
      <form
        className="anomalies__filters"
        aria-label={t('hq.anomalies.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="segmented" role="group" aria-label={t('hq.anomalies.show')}>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={filters.status === 'open'}
            onClick={() => set({ status: 'open' })}
          >
            {data
              ? t('hq.anomalies.open', { count: data.open.high + data.open.medium + data.open.low })
              : t('hq.anomalies.openShort')}
          </button>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={filters.status === 'resolved'}
            onClick={() => set({ status: 'resolved' })}
          >
            {t('hq.anomalies.resolved')}
          </button>
        </div>
        <SelectField
          label={t('hq.anomalies.store')}
          value={filters.store}
          onChange={(store) => set({ store })}
        >
          <option value="">{t('hq.anomalies.anyStore')}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('hq.anomalies.kind')} value={filters.kind} onChange={(kind) => set({ kind })}>
          <option value="">{t('hq.anomalies.anyKind')}</option>
          {ANOMALY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`hq.anomalies.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('hq.anomalies.severity')}
          value={filters.severity}
          onChange={(severity) => set({ severity })}
        >
          <option value="">{t('hq.anomalies.anySeverity')}</option>
          {ANOMALY_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`hq.anomalies.severities.${severity}`)}
            </option>
          ))}
        </SelectField>
        {filters.till && (
          <button type="button" className="chip anomalies__till-chip" onClick={() => set({ till: '' })}>
            {t('hq.anomalies.tillFilter', { till: tillCode })} ×
            <span className="visually-hidden"> {t('hq.anomalies.clearTill')}</span>
          </button>
        )}
      </form>
      {data && filters.status === 'open' && (
        <p className="muted anomalies__counts" aria-live="polite">
          {t('hq.anomalies.openCounts', data.open)}
        </p>
      )}
      <ErrorNotice error={error} />
      {data && data.anomalies.length === 0 && (
        <p className="empty-state">
          {filters.status === 'open' ? t('hq.anomalies.empty') : t('hq.anomalies.emptyResolved')}
        </p>
      )}
      <div className="anomalies__list">
        {data?.anomalies.map((anomaly) => (
          <AnomalyCard
            key={anomaly.key}
            anomaly={anomaly}
            timeZone={zoneOf(anomaly.storeId)}
            {...(mayResolve(anomaly) ? { onResolve: () => setResolving(anomaly) } : {})}
            onOpenEvent={(event) => setOpened({ event, storeId: anomaly.storeId })}
          />
        ))}
      </div>
      {resolving && (
        <ResolveDialog
          anomaly={resolving}
          onClose={() => setResolving(null)}
          onResolved={() => {
            setResolving(null)
            load()
          }}
        />
      )}
      {opened && (
        <EventDialog
          tillId={opened.event.tillId}
          tillCode={opened.event.tillCode}
          seq={opened.event.seq}
          timeZone={zoneOf(opened.storeId)}
          onClose={() => setOpened(null)}
        />
      )}
    </section>
  )
}
