import { useTranslation } from 'react-i18next'
import { CheckCircle2, TriangleAlert } from 'lucide-react'
import type { ChannelOutput } from '@shared/contract'
import type { ZReport } from '@shared/contract/channels/settlement'
import { useSettingsStore } from '../../../stores/settings-store'
import { useScreenDate, useScreenTime } from '../../../lib/store-time'

/**
 * The report's title (store and date), whether the day is open or settled (when and by whom), and
 * whether the day's figures agree with the ledger (`settlement:ledger-check`; absent until known).
 */
export function ZHead({
  report,
  ledger
}: {
  report: ZReport
  ledger: ChannelOutput<'settlement:ledger-check'> | null
}) {
  const { t } = useTranslation()
  const screenTime = useScreenTime()
  const screenDate = useScreenDate()
  const storeName = useSettingsStore((s) => s.saved?.storeName ?? '')
  return (
    <header className="z-report__head">
      <h2 className="z-report__title">
        {t('settlement.zTitle', { store: storeName, date: screenDate(report.date) })}
      </h2>
      <p className={`z-report__status z-report__status--${report.status}`}>
        {report.status === 'settled'
          ? t('settlement.statusSettled', {
              time: screenTime(report.settledAt!, { dateStyle: 'short', timeStyle: 'short' }),
              name: report.settledBy ?? '—'
            })
          : t('settlement.statusOpen')}
      </p>
      {ledger && (
        <p className={`z-report__ledger ${ledger.agrees ? 'is-ok' : 'is-bad'}`}>
          {ledger.agrees ? (
            <CheckCircle2 aria-hidden="true" size={18} />
          ) : (
            <TriangleAlert aria-hidden="true" size={18} />
          )}{' '}
          {ledger.agrees ? t('settlement.ledgerOk') : t('settlement.ledgerBad')}
        </p>
      )}
    </header>
  )
}
