import type { Platform } from '../core/platform'
import { newId } from '../core/ids'
import type { ServiceContext } from './service-context'

export interface NewNotification {
  level: 'info' | 'success' | 'warning' | 'error'
  title: string
  body: string
}

/**
 * Notifications for the people at the till: kept for the in-app notification centre,
 * pushed to every open renderer as `notification:raised`, and shown by the desktop shell
 * (when there is one) through the platform's `notify` hook.
 */
export function createNotificationsService(ctx: ServiceContext, deps: { platform: Platform }) {
  const { store, clock, events, logger } = ctx
  return {
    /**
     * Keeps a notification (`notifications` table), emits `notification:raised` and shows it on the desktop through `platform.notify`.
     */
    raise(notification: NewNotification): void {
      const row = { id: newId(), at: clock.now().toISOString(), ...notification }
      store.transaction(() => store.notifications.insert(row))
      events.emit('notification:raised', row)
      try {
        deps.platform.notify?.({ title: row.title, body: row.body })
      } catch (error) {
        // A desktop notification is a courtesy: the centre still has it.
        logger.warn('notification.desktop_failed', { error })
      }
    },

    /**
     * The latest notifications, newest first, with the unread count.
     */
    list() {
      return {
        items: store.notifications.recent(50).map((row) => ({
          id: row.id,
          level: row.level,
          title: row.title,
          body: row.body,
          at: row.at,
          read: row.read_at !== null
        })),
        unread: store.notifications.unreadCount()
      }
    },

    /**
     * Marks one notification, or all, read.
     */
    markRead(ids: string[] | undefined) {
      store.transaction(() => store.notifications.markRead(clock.now().toISOString(), ids))
      return { unread: store.notifications.unreadCount() }
    }
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
