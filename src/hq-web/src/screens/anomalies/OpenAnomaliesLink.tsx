import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import './anomalies.css'

/**
 * The dashboard's line about the inbox: how many anomalies are open (how many high), linking to
 * it; nothing while there are none or the count cannot be read (the dashboard shows its own errors).
 */
export function OpenAnomaliesLink() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<{ high: number; medium: number; low: number } | null>(null)
  useEffect(() => {
    call(hqApi.anomalies.counts, {}).then(setOpen, () => setOpen(null))
  }, [])
  const total = open ? open.high + open.medium + open.low : 0
  if (!open || total === 0) return null
  return (
    <p className={`anomalies-link${open.high > 0 ? ' anomalies-link--high' : ''}`}>
      <a href={open.high > 0 ? '#/anomalies?severity=high' : '#/anomalies'}>
        {t('hq.anomalies.dashboardLink', { count: total, high: open.high })}
      </a>
    </p>
  )
}
