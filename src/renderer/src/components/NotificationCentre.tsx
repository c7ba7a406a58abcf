import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bell, CheckCircle2, Info, TriangleAlert, X, XCircle } from 'lucide-react'
import { selectUnread, useNotificationStore, type NotificationLevel } from '../stores/notification-store'
import { notificationText } from '../i18n/notification-text'
import { useScreenTime } from '../lib/store-time'
import { useAuthStore } from '../stores/auth-store'
import './notification-centre.css'

const ICONS: Record<NotificationLevel, typeof Info> = {
  info: Info,
  success: CheckCircle2,
  warning: TriangleAlert,
  error: XCircle
}

const TOAST_MS = 6000

/**
 * The bell in the top bar: how many notifications are unread, and the list (payment results,
 * shift and settlement news from main). Opening it marks them read. The newest one also
 * shows for a few seconds in the corner.
 */
export function NotificationCentre() {
  const { t } = useTranslation()
  const items = useNotificationStore((s) => s.items)
  const unread = useNotificationStore(selectUnread)
  const connect = useNotificationStore((s) => s.connect)
  const markAllRead = useNotificationStore((s) => s.markAllRead)
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const bell = useRef<HTMLButtonElement>(null)

  // Who is at the till: when it changes (a switch, a log-in), the list starts over for them.
  const userId = useAuthStore((s) => s.status?.user?.id ?? null)

  useEffect(() => {
    if (userId) return connect()
    useNotificationStore.setState({ items: [], toast: null })
  }, [connect, userId])

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setOpen(false)
        bell.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const screenTime = useScreenTime()

  return (
    <div className="notice-centre" ref={root}>
      <button
        ref={bell}
        type="button"
        className="icon-button notice-centre__bell"
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) markAllRead()
          setOpen(!open)
        }}
      >
        <Bell aria-hidden="true" size={24} />
        {unread > 0 && (
          <span className="notice-centre__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notice-centre__panel" aria-label={t('notifications.title')}>
          <header className="notice-centre__head">
            <h2>{t('notifications.title')}</h2>
            <button
              type="button"
              className="button button--small"
              disabled={unread === 0}
              onClick={markAllRead}
            >
              {t('notifications.markRead')}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('notifications.close')}
              onClick={() => {
                markAllRead()
                setOpen(false)
              }}
            >
              <X aria-hidden="true" size={20} />
            </button>
          </header>
          {items.length === 0 ? (
            <p className="muted notice-centre__none">{t('notifications.none')}</p>
          ) : (
            <ul className="notice-centre__list">
              {items.map((item) => {
                const Icon = ICONS[item.level]
                return (
                  <li
                    key={item.id}
                    className={`notice-item notice-item--${item.level}${item.read ? '' : ' is-unread'}`}
                  >
                    <Icon aria-hidden="true" size={22} className="notice-item__icon" />
                    <div>
                      <p className="notice-item__title">{notificationText(item, t).title}</p>
                      {item.body && <p className="notice-item__body">{notificationText(item, t).body}</p>}
                    </div>
                    <time dateTime={item.at} className="notice-item__time">
                      {screenTime(item.at, { timeStyle: 'short' })}
                    </time>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      )}
      <Toast />
    </div>
  )
}

/** The newest notification, for a few seconds; the bell keeps it. */
function Toast() {
  const { t } = useTranslation()
  const toast = useNotificationStore((s) => s.toast)
  const dismiss = useNotificationStore((s) => s.dismissToast)

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(dismiss, TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast, dismiss])

  return (
    <div className="notice-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`notice-toast notice-item--${toast.level}`}>
          <div>
            <p className="notice-item__title">{notificationText(toast, t).title}</p>
            {toast.body && <p className="notice-item__body">{notificationText(toast, t).body}</p>}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('notifications.dismiss')}
            onClick={dismiss}
          >
            <X aria-hidden="true" size={18} />
          </button>
        </div>
      )}
    </div>
  )
}
