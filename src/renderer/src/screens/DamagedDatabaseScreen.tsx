import { useTranslation } from 'react-i18next'
import { AlertTriangle } from 'lucide-react'
import type { AppInfo } from '@shared/contract'
import { LanguageSwitch } from '../components/LanguageSwitch'

/** Shown instead of the till when the SQLite file fails its integrity check. */
export function DamagedDatabaseScreen({ database }: { database: AppInfo['database'] }) {
  const { t } = useTranslation()
  return (
    <main className="damaged" role="alert" aria-labelledby="damaged-title">
      <div className="damaged__card">
        <AlertTriangle aria-hidden="true" size={56} className="damaged__icon" />
        <h1 id="damaged-title">{t('damaged.title')}</h1>
        <p>{t('damaged.body')}</p>
        <dl>
          <dt>{t('damaged.file')}</dt>
          <dd>
            <code>{database.file}</code>
          </dd>
          {database.message && (
            <>
              <dt>{t('damaged.reason')}</dt>
              <dd>{database.message}</dd>
            </>
          )}
        </dl>
        <p className="damaged__hint">{t('damaged.backups')}</p>
        <LanguageSwitch />
      </div>
    </main>
  )
}
