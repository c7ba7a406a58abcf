import { z } from 'zod'
import { ANY_ROLE, route } from './route'
import { tillSchema } from './stores'

const minor = z.number().int()

/** One store's sales of its own today (its time zone), minor units of `currency`. */
export const storeTodaySchema = z.object({
  storeId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** The store's local date now. */
  date: z.string(),
  currency: z.string(),
  orderCount: z.number().int(),
  netSales: minor,
  collected: minor,
  /** Sales after voids by local hour (the Z-report's byHour). */
  byHour: z.array(z.object({ hour: z.number().int(), orders: z.number().int(), sales: minor })),
  /** Net per tender (the Z-report's tenders). */
  byTender: z.array(z.object({ method: z.string(), net: minor })),
  complete: z.boolean(),
  tills: z.array(tillSchema)
})
export type StoreToday = z.infer<typeof storeTodaySchema>

/** The dashboard: every store the user may see, its tills' sync state and today's sales. */
export const dashboardApi = {
  today: route({
    method: 'GET',
    path: '/dashboard/today',
    input: z.object({}),
    output: z.object({ serverTime: z.string(), stores: z.array(storeTodaySchema) }),
    roles: ANY_ROLE
  })
}
