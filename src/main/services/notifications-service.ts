import { NOTIFICATION_PERMISSIONS } from '@shared/contract/notification-access'
import { roleCan } from '@shared/contract/roles'
import type { Platform } from '../core/platform'
import { newId } from '../core/ids'
import type { ServiceContext } from './service-context'

export interface NewNotification {
  level: 'info' | 'success' | 'warning' | 'error'
  /** As raised (the desktop notification shows these); screens show `key` when there is one. */
  title: string
  body: string
  /**
   * The message in any language: `<key>.title` and `<key>.body` in the renderer's locales,
   * with `params`. A param named `<name>Key` is itself a key, shown translated as `<name>`.
   */
  key?: string
  params?: Record<string, string | number>
}

/**
 * Notifications for the people at the till: kept for the in-app notification centre,
 * pushed to every open renderer as `notification:raised`, and shown by the desktop shell
 * (when there is one) through the platform's `notify` hook.
 */
export function createNotificationsService(ctx: ServiceContext, deps: { platform: Platform }) {
  const { store, clock, events, logger } = ctx

  /**
   * The message keys `viewer` may not see: those whose permission (`NOTIFICATION_PERMISSIONS`)
   * their role lacks. Nobody signed in, or a user who is gone, sees none of the guarded ones.
   */
  const hiddenFor = (viewer: { userId: string | null }): string[] => {
    const role = viewer.userId ? store.users.get(viewer.userId)?.role : undefined
    return Object.entries(NOTIFICATION_PERMISSIONS)
      .filter(([, permission]) => !(role && roleCan(role, permission)))
      .map(([key]) => key)
  }

  return {
    /**
     * Keeps a notification (`notifications` table), emits `notification:raised` and shows it on the desktop through `platform.notify`.
     */
    raise(notification: NewNotification): void {
      const row = { id: newId(), at: clock.now().toISOString(), ...notification }
      store.transaction(() =>
        store.notifications.insert({
          id: row.id,
          level: row.level,
          title: row.title,
          body: row.body,
          at: row.at,
          message_key: row.key ?? null,
          message_params: row.params ? JSON.stringify(row.params) : null
        })
      )
      events.emit('notification:raised', row)
      try {
        deps.platform.notify?.({ title: row.title, body: row.body })
      } catch (error) {
        // A desktop notification is a courtesy: the centre still has it.
        logger.warn('notification.desktop_failed', { error })
      }
    },

    /**
     * The latest 50 notifications `viewer` may see, newest first, with their unread count. A
     * notice whose key needs a permission the viewer's role lacks (a settled day's figures for a
     * cashier, `NOTIFICATION_PERMISSIONS`) is left out of both, whatever the screen asks for.
     */
    list(viewer: { userId: string | null }) {
      const hidden = hiddenFor(viewer)
      return {
        items: store.notifications.recent(50, hidden).map((row) => ({
          id: row.id,
          level: row.level,
          title: row.title,
          body: row.body,
          at: row.at,
          read: row.read_at !== null,
          ...(row.message_key ? { key: row.message_key } : {}),
          ...(row.message_params
            ? { params: JSON.parse(row.message_params) as Record<string, string | number> }
            : {})
        })),
        unread: store.notifications.unreadCount(hidden)
      }
    },

    /**
     * Marks the notifications `ids` (or all) read for `viewer`, answering `{ unread }` (what is
     * left unread of what they may see). Only notices `viewer` may see are marked: a cashier's
     * "mark all read" leaves a settled day's or a reconciliation's notice unread for the manager
     * (`NOTIFICATION_PERMISSIONS`); an id the viewer may not see is passed over, not refused.
     */
    markRead(ids: string[] | undefined, viewer: { userId: string | null }) {
      const hidden = hiddenFor(viewer)
      store.transaction(() => store.notifications.markRead(clock.now().toISOString(), ids, hidden))
      return { unread: store.notifications.unreadCount(hidden) }
    }
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
