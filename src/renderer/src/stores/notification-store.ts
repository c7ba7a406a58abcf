import { create } from 'zustand'
import { contract, type ChannelName, type EventPayload } from '@shared/contract'
import { call, onEvent } from '../api/client'

export type NotificationLevel = EventPayload<'notification:raised'>['level']

export interface AppNotification {
  id: string
  level: NotificationLevel
  title: string
  body: string
  at: string
  read: boolean
  /** Shown in the screen's language when present (`notificationText`); title/body as raised otherwise. */
  key?: string
  params?: Record<string, string | number>
}

interface NotificationState {
  items: AppNotification[]
  /** The newest one, shown briefly on screen until `dismissToast`. */
  toast: AppNotification | null
  /**
   * Adds one (main's `notification:raised`, or a screen's own news such as a payment result);
   * the same id twice is kept once. `read: true` for news the cashier is already looking at
   * (a sale just paid): it is listed, but does not add to the unread badge.
   */
  push(notification: Omit<AppNotification, 'read' | 'at'> & { at?: string; read?: boolean }): void
  markAllRead(): void
  dismissToast(): void
  /**
   * Drops what this screen holds, subscribes to `notification:raised` and loads what main kept
   * for whoever is signed in now; returns the unsubscribe. Called again when the user changes,
   * so a cashier who takes over the till never keeps the owner's notices on screen.
   */
  connect(): () => void
}

const KEEP = 50

/** Bumped by each `connect`: a list that answers after the user changed again is dropped. */
let generation = 0

/** Main's persisted list, when this build's contract has it (the shifts feature adds the channels). */
const LIST = 'notifications:list' as ChannelName
const MARK_READ = 'notifications:mark-read' as ChannelName

/**
 * The in-app notification centre's view state: the latest notifications, newest first, with
 * their read marks. Main raises most of them; screens add their own (payment results).
 */
export const useNotificationStore = create<NotificationState>((set, get) => ({
  items: [],
  toast: null,

  push(notification) {
    if (get().items.some((item) => item.id === notification.id)) return
    const item: AppNotification = {
      ...notification,
      at: notification.at ?? new Date().toISOString(),
      read: notification.read ?? false
    }
    set({ items: [item, ...get().items].slice(0, KEEP), toast: item })
  },

  markAllRead() {
    if (!get().items.some((item) => !item.read)) return
    set({ items: get().items.map((item) => ({ ...item, read: true })) })
    if (MARK_READ in contract) void call(MARK_READ, {} as never).catch(() => undefined)
  },

  dismissToast() {
    set({ toast: null })
  },

  connect() {
    const mine = ++generation
    set({ items: [], toast: null })
    const stop = onEvent('notification:raised', (payload) => get().push(payload))
    if (LIST in contract) {
      void call(LIST, {} as never)
        .then((value) => {
          if (mine !== generation) return
          const kept = (value as unknown as { items: AppNotification[] }).items
          const known = new Set(get().items.map((item) => item.id))
          const merged = [...get().items, ...kept.filter((item) => !known.has(item.id))]
          merged.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
          set({ items: merged.slice(0, KEEP) })
        })
        .catch(() => undefined)
    }
    return stop
  }
}))

export const selectUnread = (state: NotificationState): number =>
  state.items.filter((item) => !item.read).length
