import { z } from 'zod'
import { channel } from '../channel'

export const RECEIPT_PAPERS = ['80mm', '58mm', 'A4'] as const

/** What every receipt prints under the store's name, and the paper the receipt printer takes. */
export const receiptSettingsSchema = z
  .object({
    address: z.string().trim().max(200, 'must be at most 200 characters'),
    phone: z
      .string()
      .trim()
      .max(40, 'must be at most 40 characters')
      .regex(/^[\d+\-()\s]*$/, 'may hold only digits, spaces and + - ( )'),
    /** 纳税人识别号 / VAT number, as printed; letters and digits. */
    taxId: z
      .string()
      .trim()
      .toUpperCase()
      .max(40, 'must be at most 40 characters')
      .regex(/^[0-9A-Z\-\s]*$/, 'may hold only letters and digits'),
    /** 80 mm or 58 mm thermal roll, or A4 sheets. */
    paper: z.enum(RECEIPT_PAPERS, { error: 'must be 80mm, 58mm or A4' })
  })
  .strict()

export type ReceiptSettings = z.infer<typeof receiptSettingsSchema>

export const receiptSettingsChannels = {
  'receipt:get-settings': channel({
    summary: "The receipt's address, phone, tax ID and paper size.",
    input: z.object({}).strict(),
    output: receiptSettingsSchema,
    permission: 'session'
  }),
  'receipt:update-settings': channel({
    summary: "Saves the receipt's address, phone, tax ID and paper size (owner).",
    input: receiptSettingsSchema,
    output: receiptSettingsSchema,
    permission: 'settings-manage'
  })
}
