import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'

export const databaseHealthSchema = z.object({
  status: z.enum(['ok', 'damaged']),
  /** Human-readable reason when damaged; never a stack trace. */
  message: text().optional(),
  /** Where the file is, so the owner can find the backups beside it. */
  file: text()
})

export const appInfoSchema = z.object({
  name: z.literal('Kassa'),
  version: text(),
  mode: z.enum(['electron', 'web']),
  dataDir: text(),
  database: databaseHealthSchema
})

export type AppInfo = z.infer<typeof appInfoSchema>

export const appChannels = {
  'app:info': channel({
    summary: 'Version, run mode, data directory and database health.',
    input: z.object({}).strict(),
    output: appInfoSchema,
    permission: 'public'
  })
}
