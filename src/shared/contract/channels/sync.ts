import { z } from 'zod'
import { channel } from '../channel'

// The till's side of the head-office sync: its status (the top bar's badge, the Settings screen's
// Sync panel, `kassa sync status`), "sync now", enrolment with a one-time code, and un-enrolling.

const time = z.string().nullable()

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  /**
   * `not-enrolled`; `synced` (nothing waiting); `syncing` (pushing or events waiting while the head
   * office answers); `offline` (it cannot be reached since `offlineSince`); `error` (it refused, see
   * `errors`; needs a person).
   */
  state: z.enum(['not-enrolled', 'synced', 'syncing', 'offline', 'error']),
  hqUrl: z.string().nullable(),
  storeName: z.string().nullable(),
  tillCode: z.string().nullable(),
  tillId: z.string().nullable(),
  /** Outbox events not yet acknowledged by the head office. */
  backlog: z.number().int(),
  /** When the oldest of them was written (ISO), or null. */
  oldestUnsyncedAt: time,
  /** How long the oldest has waited, by main's clock (ms), or null. */
  oldestAgeMs: z.number().int().nullable(),
  /** Since when the head office could not be reached (ISO), or null. */
  offlineSince: time,
  lastPushAt: time,
  lastPullAt: time,
  /** The master-data revision this till holds. */
  revision: z.number().int(),
  /** Events have waited more than 24 hours. */
  warning: z.boolean(),
  /** What the head office still lets this till edit locally. */
  localEdits: z.object({ catalog: z.boolean(), coupons: z.boolean(), staff: z.boolean() }),
  errors: z.array(
    z.object({
      at: z.string(),
      direction: z.enum(['enrol', 'push', 'pull']),
      code: z.string(),
      reason: z.string(),
      resolved: z.boolean()
    })
  )
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const syncChannels = {
  'sync:status': channel({
    summary: 'Where the sync with the head office stands: backlog, last push and pull, errors.',
    input: z.object({}).strict(),
    output: syncStatusSchema,
    permission: 'session'
  }),
  'sync:now': channel({
    summary: 'Pushes the outbox and pulls master data now; answers the status afterwards.',
    input: z.object({}).strict(),
    output: syncStatusSchema,
    permission: 'session'
  }),
  'sync:enrol': channel({
    summary:
      'Enrols this till with a head office using a one-time code; its till code then prints in order numbers.',
    input: z
      .object({
        hqUrl: z.string().trim().min(1, 'is required').max(300),
        code: z.string().trim().min(1, 'is required').max(32),
        label: z.string().trim().max(80).optional()
      })
      .strict(),
    output: syncStatusSchema,
    permission: 'settings-manage'
  }),
  'sync:unenrol': channel({
    summary: 'Disconnects this till from its head office; refused while events are unsynced.',
    input: z.object({}).strict(),
    output: syncStatusSchema,
    permission: 'settings-manage'
  }),
  'sync:export-outbox': channel({
    summary: 'The unsynced outbox events as a JSON file, to keep before anything could lose them.',
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), json: z.string(), count: z.number().int() }),
    permission: 'settings-manage'
  })
}
