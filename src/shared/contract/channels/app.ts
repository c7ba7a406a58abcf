import { z } from 'zod'
import { channel } from '../channel'

export const databaseHealthSchema = z.object({
  status: z.enum(['ok', 'damaged']),
  /** Human-readable reason when damaged; never a stack trace. */
  message: z.string().optional(),
  /** Where the file is, so the owner can find the backups beside it. */
  file: z.string()
})

export const appInfoSchema = z.object({
  name: z.literal('Kassa'),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
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
