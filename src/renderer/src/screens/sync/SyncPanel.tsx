import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Link2, RefreshCw, Unlink } from 'lucide-react'
import { onEvent } from '../../api/client'
import { useScreenTime } from '../../lib/store-time'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'
import { ageOf, useSyncStore } from '../../stores/sync-store'
import './sync.css'

/**
 * The Sync panel in Settings: the head office and this till's code, last push and pull, the backlog
 * and its oldest event, each error with its reason, "sync now"; on a till not yet enrolled, the
 * form that enrols it with the head office's one-time code. Un-enrolling asks first, saying what it
 * does and how the till comes back as itself; it is refused while a shift is open or events are
 * unsynced (their export offered instead), the refusal shown in the question.
 */
export function SyncPanel() {
  const { t, i18n } = useTranslation()
  const screenTime = useScreenTime()
  const when = (iso: string | null, never: string): string =>
    iso ? screenTime(iso, { dateStyle: 'short', timeStyle: 'short' }) : never
  const errorText = useErrorText()
  const { status, busy, error, load, adopt, syncNow, enrol, unenrol, exportOutbox } = useSyncStore()
  const canManage = useAuthStore((s) => s.status?.user?.permissions.includes('settings-manage') ?? false)
  const [hqUrl, setHqUrl] = useState('')
  const [code, setCode] = useState('')
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => onEvent('sync:status', adopt), [adopt])

  if (!status) return null
  const never = t('sync.panel.never')

  const onEnrol = (event: FormEvent): void => {
    event.preventDefault()
    void enrol({ hqUrl, code }).then((done) => {
      if (done) setCode('')
    })
  }

  if (!status.enrolled) {
    return (
      <section className="card sync-panel" aria-labelledby="sync-title">
        <h2 id="sync-title" className="card__title">
          {t('sync.panel.title')}
        </h2>
        <p className="sync-panel__lead">{t('sync.panel.notEnrolled')}</p>
        {canManage ? (
          <form className="sync-panel__enrol" onSubmit={onEnrol} noValidate>
            <TextField
              label={t('sync.panel.hqUrl')}
              hint={t('sync.panel.hqUrlHint')}
              value={hqUrl}
              inputMode="url"
              autoComplete="url"
              error={fieldError(error, 'hqUrl') ? errorText(error) : undefined}
              onChange={setHqUrl}
            />
            <TextField
              label={t('sync.panel.code')}
              hint={t('sync.panel.codeHint')}
              value={code}
              autoComplete="off"
              error={fieldError(error, 'code') ? errorText(error) : undefined}
              onChange={setCode}
            />
            {error && !error.field && (
              <p role="alert" className="status status--error">
                {errorText(error)}
              </p>
            )}
            <div className="form-actions form-actions--inline">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy !== null || !hqUrl || !code}
              >
                <Link2 aria-hidden="true" size={20} />{' '}
                {busy === 'enrol' ? t('sync.panel.enrolling') : t('sync.panel.enrol')}
              </button>
            </div>
          </form>
        ) : (
          <p>{t('sync.panel.ownerOnly')}</p>
        )}
      </section>
    )
  }

  const age = status.oldestAgeMs !== null ? ageOf(status.oldestAgeMs) : null
  const unresolved = status.errors.filter((e) => !e.resolved)
  return (
    <section className="card sync-panel" aria-labelledby="sync-title">
      <h2 id="sync-title" className="card__title">
        {t('sync.panel.title')}
      </h2>
      <dl className="sync-panel__facts">
        <dt>{t('sync.panel.hq')}</dt>
        <dd>
          {status.storeName} <span className="sync-panel__muted">{status.hqUrl}</span>
        </dd>
        <dt>{t('sync.panel.tillCode')}</dt>
        <dd>{status.tillCode}</dd>
        <dt>{t('sync.panel.state')}</dt>
        <dd className={`sync-panel__state sync-panel__state--${status.state}`}>
          {t(`sync.state.${status.state}`)}
          {status.offlineSince
            ? ` · ${t('sync.panel.since', { time: when(status.offlineSince, never) })}`
            : ''}
        </dd>
        <dt>{t('sync.panel.backlog')}</dt>
        <dd>
          {t('sync.panel.events', { count: status.backlog })}
          {age
            ? ` · ${t('sync.panel.oldest', { age: t(`sync.age.${age.unit}`, { count: age.count }) })}`
            : ''}
          {status.warning && <strong className="sync-panel__warning"> {t('sync.panel.warning')}</strong>}
        </dd>
        <dt>{t('sync.panel.lastPush')}</dt>
        <dd>{when(status.lastPushAt, never)}</dd>
        <dt>{t('sync.panel.lastPull')}</dt>
        <dd>
          {when(status.lastPullAt, never)}{' '}
          <span className="sync-panel__muted">{t('sync.panel.revision', { revision: status.revision })}</span>
        </dd>
      </dl>

      <h3 className="sync-panel__subtitle">{t('sync.panel.errors')}</h3>
      {unresolved.length === 0 ? (
        <p className="sync-panel__muted">{t('sync.panel.noErrors')}</p>
      ) : (
        <ul className="sync-panel__errors">
          {unresolved.map((e) => (
            <li key={`${e.at}-${e.code}`}>
              <span className="sync-panel__muted">{when(e.at, never)}</span>{' '}
              <strong>{t(`sync.direction.${e.direction}`)}</strong>:{' '}
              {i18n.exists(`sync.reason.${e.code}`) ? t(`sync.reason.${e.code}`) : e.reason}{' '}
              <code>{e.code}</code>
            </li>
          ))}
        </ul>
      )}
      {error && !confirming && (
        <p role="alert" className="status status--error">
          {errorText(error)}
        </p>
      )}
      <div className="form-actions form-actions--inline">
        {canManage && status.backlog > 0 && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy !== null}
            onClick={() => void exportOutbox()}
          >
            <Download aria-hidden="true" size={20} /> {t('sync.panel.export')}
          </button>
        )}
        {canManage && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy !== null}
            onClick={() => {
              useSyncStore.setState({ error: null })
              setConfirming(true)
            }}
          >
            <Unlink aria-hidden="true" size={20} /> {t('sync.panel.unenrol')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          onClick={() => void syncNow()}
        >
          <RefreshCw aria-hidden="true" size={20} />{' '}
          {busy === 'now' ? t('sync.panel.syncing') : t('sync.panel.syncNow')}
        </button>
      </div>
      <Dialog
        title={t('sync.panel.unenrolTitle', { store: status.storeName })}
        open={confirming}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('sync.panel.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null}
              onClick={() => void unenrol()}
            >
              <Unlink aria-hidden="true" size={20} /> {t('sync.panel.unenrolConfirm')}
            </button>
          </>
        }
      >
        <p>{t('sync.panel.unenrolWhat')}</p>
        <p>{t('sync.panel.unenrolKept', { tillCode: status.tillCode })}</p>
        {error && (
          <p role="alert" className="status status--error">
            {errorText(error)}
          </p>
        )}
      </Dialog>
    </section>
  )
}
