import { z } from 'zod'
import { importProgressSchema } from './channels/catalog'
import { storeProfileSchema } from './channels/settings'
import { tenderSchema } from './channels/tenders'
import { syncStatusSchema } from './channels/sync'
import { event } from './channel'

/** Events main pushes to the renderers allowed to see them (Electron `webContents.send`, web mode SSE). */
export const events = {
  'sync:status': event({
    summary:
      'The sync with the head office moved on (backlog, state, errors): the badge and Sync panel update.',
    payload: syncStatusSchema,
    permission: 'session'
  }),
  'settings:changed': event({
    summary: 'The store profile was saved.',
    payload: storeProfileSchema,
    permission: 'session'
  }),
  'catalog:import-progress': event({
    summary: 'Rows of a products CSV import committed so far.',
    payload: importProgressSchema,
    permission: 'catalog-manage'
  }),
  'catalog:changed': event({
    summary: 'Products or categories were saved (screens showing the catalog reload).',
    payload: z.object({ what: z.enum(['product', 'category', 'import']), ids: z.array(z.string()) }),
    permission: 'session'
  }),
  'payment:changed': event({
    summary:
      'A tender changed status (poll, notification, cancel): the paying screen updates, the order may now be paid.',
    payload: z.object({
      orderId: z.string(),
      tender: tenderSchema,
      orderStatus: z.string(),
      remaining: z.number().int()
    }),
    permission: 'sell'
  }),
  'shift:changed': event({
    summary: "A till's shift opened, closed or had cash moved (the top bar's shift badge reloads).",
    payload: z.object({ terminal: z.string(), shiftId: z.string(), status: z.enum(['open', 'closed']) }),
    permission: 'sell'
  }),
  'notification:raised': event({
    summary: 'Something a person at the till should notice.',
    payload: z.object({
      id: z.string(),
      level: z.enum(['info', 'success', 'warning', 'error']),
      title: z.string(),
      body: z.string(),
      at: z.string(),
      /** As in `notificationSchema`: shown in the screen's language when present. */
      key: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
    }),
    permission: 'session'
  })
}

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.infer<Events[E]['payload']>
