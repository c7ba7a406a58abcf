import { businessDate } from '@shared/time/zone'
import type { dashboardApi, StoreToday } from '@shared/hq-api/dashboard'
import { consolidatedDay } from '../../reports/consolidated-day'
import type { AreaHandlers } from '../context'
import { visibleStores } from './stores-handlers'

/** Today's sales per store (each in its own time zone) and its tills' sync state. */
export const dashboardHandlers: AreaHandlers<typeof dashboardApi> = {
  /**
   * Each visible store's figures for its local today, from the same consolidated day as the
   * settlement screen (the till's Z-report definitions), reduced to what the charts show.
   */
  async today(_input, ctx) {
    const now = ctx.clock.now()
    const out: StoreToday[] = []
    for (const store of await visibleStores(ctx)) {
      const date = businessDate(now.toISOString(), store.timeZone)
      const day = await consolidatedDay(ctx.db, ctx.clock, date, store.name)
      const figures = day.stores[0]!
      const report = figures.report
      out.push({
        storeId: store.id,
        name: store.name,
        timeZone: store.timeZone,
        date,
        currency: report.currency,
        orderCount: report.orderCount,
        netSales: report.netSales,
        collected: report.collected,
        byHour: report.byHour,
        byTender: report.tenders.map((t) => ({ method: t.method, net: t.net })),
        complete: figures.complete,
        tills: store.tills
      })
    }
    return { serverTime: now.toISOString(), stores: out }
  }
}
