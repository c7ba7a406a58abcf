import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuthStore } from '../../stores/auth-store'
import { DayReport } from './DayReport'
import { ReconciliationPanel } from './ReconciliationPanel'
import { ShiftPanel } from './ShiftPanel'
import './settlement.css'

type Tab = 'shift' | 'day' | 'reconciliation'

/**
 * The merchant's end of day: the till's shift and drawer (open, cash in/out, count and close),
 * and the daily settlement (Z-report with charts, drill-down, print, CSV, close the day).
 */
export function SettlementScreen() {
  const { t } = useTranslation()
  const canReview = useAuthStore((s) => s.status?.user?.permissions.includes('shift-close') ?? false)
  const [tab, setTab] = useState<Tab>('shift')
  const canReconcile = useAuthStore((s) => s.status?.user?.permissions.includes('settlement-manage') ?? false)
  const tabs: Tab[] = [
    ...(canReview ? (['shift', 'day'] as const) : (['shift'] as const)),
    ...(canReconcile ? (['reconciliation'] as const) : [])
  ]

  return (
    <section className="screen screen--wide settlement" aria-labelledby="settlement-title">
      <header className="screen__header no-print">
        <div>
          <h1 id="settlement-title" className="screen__title">
            {t('settlement.title')}
          </h1>
          <p className="screen__subtitle">{t('settlement.subtitle')}</p>
        </div>
      </header>
      <div role="tablist" aria-label={t('settlement.title')} className="tabs no-print">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`settlement-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`settlement-panel-${name}`}
            className="tab"
            onClick={() => setTab(name)}
          >
            {name === 'reconciliation' ? t('reconciliation.tab') : t(`settlement.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`settlement-panel-${tab}`}
        aria-labelledby={`settlement-tab-${tab}`}
        className="settlement__panel"
      >
        {tab === 'shift' ? <ShiftPanel /> : tab === 'day' ? <DayReport /> : <ReconciliationPanel />}
      </div>
    </section>
  )
}
