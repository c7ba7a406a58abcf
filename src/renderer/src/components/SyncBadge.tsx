import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CloudCheck, CloudOff, RefreshCw, TriangleAlert } from 'lucide-react'
import { onEvent } from '../api/client'
import { useScreenTime } from '../lib/store-time'
import { useAppStore } from '../stores/app-store'
import { ageOf, useSyncStore } from '../stores/sync-store'
import '../screens/sync/sync.css'

/**
 * The till's sync with its head office, in the top bar: synced, syncing N, or offline since HH:MM
 * with the events waiting and the age of the oldest; amber after 24 hours unsynced. Hidden on a
 * till that is not enrolled. Leads to the Sync panel in Settings.
 */
export function SyncBadge() {
  const { t } = useTranslation()
  const screenTime = useScreenTime()
  const status = useSyncStore((s) => s.status)
  const load = useSyncStore((s) => s.load)
  const adopt = useSyncStore((s) => s.adopt)
  const screen = useAppStore((s) => s.screen)
  const go = useAppStore((s) => s.go)

  useEffect(() => {
    void load()
  }, [load, screen])
  useEffect(() => onEvent('sync:status', adopt), [adopt])

  if (!status?.enrolled) return null
  const age = status.oldestAgeMs !== null ? ageOf(status.oldestAgeMs) : null
  const ageText = age ? t(`sync.age.${age.unit}`, { count: age.count }) : ''
  // Two short lines, so the top bar keeps room for the store's name at 1024 px.
  let text: string
  let detail = ''
  let Icon = CloudCheck
  let tone = 'ok'
  if (status.state === 'offline') {
    Icon = CloudOff
    tone = 'offline'
    text = t('sync.badge.offline', { time: screenTime(status.offlineSince!, { timeStyle: 'short' }) })
    detail = t('sync.badge.waiting', { count: status.backlog, age: ageText })
  } else if (status.state === 'error') {
    Icon = TriangleAlert
    tone = 'error'
    text = t('sync.badge.error')
    detail = t('sync.badge.waiting', { count: status.backlog, age: ageText })
  } else if (status.backlog > 0) {
    Icon = RefreshCw
    tone = 'syncing'
    text = t('sync.badge.syncing', { count: status.backlog })
  } else text = t('sync.badge.synced')
  if (status.warning) tone = 'warning'
  const label = [text, detail, status.warning ? t('sync.badge.warning', { age: ageText }) : '']
    .filter(Boolean)
    .join(' · ')
  return (
    <button
      type="button"
      className={`topbar-badge sync-badge sync-badge--${tone}`}
      title={status.warning ? t('sync.badge.warning', { age: ageText }) : t('sync.badge.hint')}
      aria-label={label}
      onClick={() => go('settings')}
    >
      {status.warning ? (
        <TriangleAlert aria-hidden="true" size={18} />
      ) : (
        <Icon aria-hidden="true" size={18} />
      )}
      {status.backlog > 0 && <span className="sync-badge__count">{status.backlog}</span>}
      <span className="sync-badge__text">
        <span>{text}</span>
        {detail && <span className="sync-badge__detail">{detail}</span>}
      </span>
    </button>
  )
}
