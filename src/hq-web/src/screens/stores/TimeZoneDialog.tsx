import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useMoney } from '../../lib/money'

type ZonePreview = { currency: string | null; days: { date: string; before: Moved; after: Moved }[] }
type Moved = { orders: number; total: number }
/** The newest days listed; the rest are counted. */
const SHOWN_DAYS = 5

/** A zone the browser's runtime knows (the server checks again); its UTC offset now, e.g. `GMT+05:45`. */
function offsetNow(zone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'longOffset'
    }).formatToParts()
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? null
  } catch {
    return null
  }
}

/**
 * The owner moves a store to another time zone; it is published to the store's tills. A real move
 * is confirmed first (as the till's own Settings does for a local change): every past day is cut
 * again in the new zone — here and, after their next sync, on the tills — so day figures move and
 * Z-reports already printed no longer match. An unknown zone goes straight to the server's refusal.
 */
export function TimeZoneDialog({
  store,
  onClose,
  onChanged
}: {
  store: HqStore
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  const [timeZone, setTimeZone] = useState(store.timeZone)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [preview, setPreview] = useState<ZonePreview | null>(null)
  const money = useMoney()
  const next = timeZone.trim()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!confirming && next !== store.timeZone && offsetNow(next)) {
      setError(null)
      setConfirming(true)
      setPreview(null)
      // Which days move is shown when known; the warning stands without it.
      call(hqApi.stores.zonePreview, { storeId: store.id, timeZone: next }).then(setPreview, () => undefined)
      return
    }
    setBusy(true)
    try {
      await call(hqApi.stores.setTimeZone, { storeId: store.id, timeZone: next })
      onChanged()
    } catch (failure) {
      setConfirming(false)
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('hq.stores.zoneTitle', { store: store.name })} open onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <TextField
          label={t('hq.stores.timeZone')}
          hint={t('hq.stores.zoneHint')}
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone)
            setConfirming(false)
          }}
          error={fieldError(error, 'timeZone')}
          data-autofocus
          required
        />
        {!fieldError(error, 'timeZone') && <ErrorNotice error={error} />}
        {confirming ? (
          <div className="notice notice--error hq-zone-warning" role="alert">
            <p>
              {t('hq.stores.zoneMoves', {
                store: store.name,
                from: `${store.timeZone} (${offsetNow(store.timeZone) ?? '?'})`,
                to: `${next} (${offsetNow(next) ?? '?'})`
              })}
            </p>
            {preview && preview.days.length > 0 && preview.currency ? (
              <ul className="hq-zone-warning__days" aria-label={t('hq.stores.zoneDays')}>
                {preview.days.slice(0, SHOWN_DAYS).map((d) => (
                  <li key={d.date}>
                    {t('hq.stores.zoneDay', {
                      date: d.date,
                      before: d.before.orders,
                      after: d.after.orders,
                      beforeTotal: money(d.before.total, preview.currency!),
                      afterTotal: money(d.after.total, preview.currency!)
                    })}
                  </li>
                ))}
                {preview.days.length > SHOWN_DAYS ? (
                  <li>{t('hq.stores.zoneMoreDays', { count: preview.days.length - SHOWN_DAYS })}</li>
                ) : null}
              </ul>
            ) : null}
            <p>{t('hq.stores.zonePrinted')}</p>
            <p>{t('hq.stores.zoneTills', { count: store.tills.length })}</p>
          </div>
        ) : null}
        <div className="dialog__actions">
          {confirming ? (
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('hq.stores.zoneBack')}
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('hq.stores.zoneConfirm', { zone: next })}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                {t('hq.common.cancel')}
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('hq.stores.zoneSave')}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  )
}
