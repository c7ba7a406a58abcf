import { useTranslation } from 'react-i18next'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { ErrorNotice } from '../../components/ErrorNotice'
import { navigate, useLocation } from '../../route'
import { useSession } from '../../session-store'
import { CategoriesTab } from './CategoriesTab'
import { CouponsTab } from './CouponsTab'
import { ImportTab } from './ImportTab'
import { ProductsTab } from './ProductsTab'
import { StaffTab } from './StaffTab'
import type { MasterTabProps } from './shared'

const TABS = ['products', 'categories', 'coupons', 'staff', 'import'] as const
type Tab = (typeof TABS)[number]

/**
 * Master data of one store at a time (chosen at the top, kept in the address:
 * `#/master?store=…&tab=products`): products and their prices per store, categories, coupons with
 * their till allotments, staff, and the CSV import with its preview. Auditors read only.
 */
export function MasterScreen() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const { params } = useLocation()
  const { data, error } = useLoad(() => call(hqApi.stores.list, {}), 'stores')
  const stores: HqStore[] | null = data?.stores ?? null

  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'products'
  const store = stores?.find((s) => s.id === params.get('store')) ?? stores?.[0]
  const go = (next: { store?: string; tab?: Tab }) =>
    navigate('master', { store: next.store ?? store?.id ?? '', tab: next.tab ?? tab })

  const props: MasterTabProps | null = store
    ? { store, stores: stores!, readOnly: role === 'auditor', canGrantOwner: role === 'owner' }
    : null
  return (
    <section className="screen" aria-labelledby="master-title">
      <ScreenHeader titleId="master-title" title={t('hq.master.title')} subtitle={t('hq.master.subtitle')}>
        {stores && stores.length > 0 && (
          <label className="hq-master__store">
            <span>{t('hq.master.store')}</span>
            <select
              className="input"
              value={store?.id}
              onChange={(event) => go({ store: event.target.value })}
            >
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </ScreenHeader>
      <ErrorNotice error={error} />
      {stores && stores.length === 0 && <p className="empty-state">{t('hq.master.noStore')}</p>}
      {role === 'auditor' && <p className="muted">{t('hq.master.readOnly')}</p>}
      {props && (
        <>
          <div role="tablist" aria-label={t('hq.master.title')} className="tabs hq-master__tabs">
            {TABS.filter((name) => name !== 'import' || !props.readOnly).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`master-tab-${name}`}
                aria-selected={tab === name}
                aria-controls="master-panel"
                className="tab"
                onClick={() => go({ tab: name })}
              >
                {t(`hq.master.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id="master-panel"
            aria-labelledby={`master-tab-${tab}`}
            className="hq-master__panel"
          >
            {tab === 'products' && <ProductsTab key={store!.id} {...props} />}
            {tab === 'categories' && <CategoriesTab key={store!.id} {...props} />}
            {tab === 'coupons' && <CouponsTab key={store!.id} {...props} />}
            {tab === 'staff' && <StaffTab key={store!.id} {...props} />}
            {tab === 'import' && !props.readOnly && <ImportTab key={store!.id} {...props} />}
          </div>
        </>
      )}
    </section>
  )
}
