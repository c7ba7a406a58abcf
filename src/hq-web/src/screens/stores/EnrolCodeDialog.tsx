import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDateTime } from '../../lib/time'

/** Issues a one-time enrolment code for a till of `store` and shows it (valid 10 minutes). */
export function EnrolCodeDialog({ store, onClose }: { store: HqStore; onClose: () => void }) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    call(hqApi.stores.enrolCode, { storeId: store.id }).then(setIssued, setError)
  }, [store.id])

  return (
    <Dialog
      title={t('hq.stores.enrolTitle', { store: store.name })}
      open
      onClose={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('hq.common.close')}
        </button>
      }
    >
      <ErrorNotice error={error} />
      {issued && (
        <>
          <p>{t('hq.stores.enrolIntro')}</p>
          <p className="hq-code" data-testid="enrol-code">
            {issued.code}
          </p>
          <p className="muted">{t('hq.stores.expires', { time: dateTime(issued.expiresAt) })}</p>
        </>
      )}
    </Dialog>
  )
}
