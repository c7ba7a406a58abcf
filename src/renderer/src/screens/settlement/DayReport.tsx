import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Lock, Printer } from 'lucide-react'
import type { ApiError, ChannelOutput } from '@shared/contract'
import type { ZReport } from '@shared/contract/channels/settlement'
import { apiErrorOf, call } from '../../api/client'
import { useErrorText } from '../../i18n/error-text'
import { Dialog } from '../../components/Dialog'
import { Field } from '../../components/Field'
import { useMoney } from '../../lib/money'
import { useAuthStore } from '../../stores/auth-store'
import { useSettingsStore } from '../../stores/settings-store'
import { downloadCsv } from '../../lib/download'
import type { DrillFilter } from './day-report/ZParts'
import { DrillDialog } from './day-report/DrillDialog'
import { ZHead } from './day-report/ZHead'
import { ZKpis } from './day-report/ZKpis'
import { ZCharts } from './day-report/ZCharts'
import { SalesSection } from './day-report/SalesSection'
import { CashSection } from './day-report/CashSection'
import { TaxSection } from './day-report/TaxSection'
import { TenderSection } from './day-report/TenderSection'
import { CashierSection } from './day-report/CashierSection'
import { ProductsSection } from './day-report/ProductsSection'
import { settleNotice } from './settle-notice'

/** Today on the store's calendar (its time zone, else this computer's), YYYY-MM-DD. */
export function today(timeZone = useSettingsStore.getState().saved?.timeZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', timeZone ? { timeZone } : {}).format(new Date())
}

/** Dates in running text kept on one line: Chromium broke "2026-12-" from "01" at 1366 in English. */
function unbrokenDates(text: string): ReactNode[] {
  return text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="unbroken">
        {part}
      </span>
    ) : (
      part
    )
  )
}

/** Prints only the Z-report (A4), through the browser's or Electron's print dialog — which can also save a PDF. */
function printReport(): void {
  document.body.classList.add('printing-report')
  try {
    window.print()
  } finally {
    document.body.classList.remove('printing-report')
  }
}

/**
 * A merchant's review of one business day: figures, charts, drill-down, print, CSV, close. Holds the
 * day's state (`settlement:report`, `settlement:ledger-check`, reloaded after `settlement:settle`);
 * each section of the report is its own component under `day-report/`.
 */
export function DayReport() {
  const { t } = useTranslation()
  const money = useMoney()
  const canSettle = useAuthStore((s) => s.status?.user?.permissions.includes('settlement-manage') ?? false)
  const [date, setDate] = useState(today)
  const [report, setReport] = useState<ZReport | null>(null)
  const [ledger, setLedger] = useState<ChannelOutput<'settlement:ledger-check'> | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  const [confirming, setConfirming] = useState(false)
  const [drill, setDrill] = useState<{ what: string; filter: DrillFilter } | null>(null)

  const [version, setVersion] = useState(0)
  const reload = (): void => setVersion((v) => v + 1)
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    let live = true
    Promise.all([call('settlement:report', { date }), call('settlement:ledger-check', { date })])
      .then(([z, check]) => {
        if (!live) return
        setReport(z)
        setLedger(check)
        setError(null)
      })
      .catch((caught: unknown) => {
        if (!live) return
        setReport(null)
        setError(apiErrorOf(caught))
      })
    return () => {
      live = false
    }
  }, [date, version])

  const settle = async (): Promise<void> => {
    try {
      setReport(await call('settlement:settle', { date }))
      setConfirming(false)
      reload()
    } catch (caught) {
      setConfirming(false)
      setError(apiErrorOf(caught))
    }
  }

  const exportCsv = async (): Promise<void> => {
    const { fileName, csv } = await call('settlement:csv', { date })
    downloadCsv(fileName, csv)
  }

  // Read when the dialog renders: a day closed early sends the rest of it to the next day.
  const notice = settleNotice(date, today())
  const open = (what: string, filter: DrillFilter) => () => setDrill({ what, filter })
  const m = (minor: number) => (report ? money(minor, report.currency) : '')

  return (
    <div className="day-report">
      <div className="day-report__bar no-print">
        <Field label={t('settlement.date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              value={date}
              max={today()}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <div className="day-report__actions">
          <button
            type="button"
            className="button"
            disabled={!report}
            onClick={printReport}
            title={t('settlement.pdfHint')}
          >
            <Printer aria-hidden="true" size={20} /> {t('settlement.print')}
          </button>
          <button type="button" className="button" disabled={!report} onClick={() => void exportCsv()}>
            <Download aria-hidden="true" size={20} /> {t('settlement.csv')}
          </button>
          {canSettle && report?.status === 'open' && (
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              <Lock aria-hidden="true" size={20} /> {t('settlement.settle')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="notice notice--error no-print" role="alert">
          {errorText(error, { beside: true })}
        </p>
      )}

      {report && (
        <article className="z-report" aria-label={`Z ${report.date}`}>
          <ZHead report={report} ledger={ledger} />
          <ZKpis report={report} m={m} open={open} />
          <ZCharts report={report} m={m} open={open} />
          <div className="z-report__grid">
            <SalesSection report={report} m={m} open={open} />
            <CashSection report={report} m={m} />
            <TaxSection report={report} m={m} open={open} />
            <TenderSection report={report} m={m} />
            <CashierSection report={report} m={m} open={open} />
            <ProductsSection report={report} m={m} open={open} />
          </div>
        </article>
      )}

      <Dialog
        title={t('settlement.settleTitle', { date })}
        open={confirming}
        onClose={() => setConfirming(false)}
      >
        <p data-testid="settle-notice">{unbrokenDates(t(notice.key, notice.params))}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
            {t('shift.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void settle()}>
            {t('settlement.settleConfirm')}
          </button>
        </div>
      </Dialog>
      {drill && (
        <DrillDialog date={date} what={drill.what} filter={drill.filter} onClose={() => setDrill(null)} />
      )}
    </div>
  )
}
