import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemHqClock } from '../src/server/clock'
import { openHqDatabase } from '../src/server/db/open'
import { consolidatedDay } from '../src/server/reports/consolidated-day'
import { startPostgres } from '../test/support/postgres'
import { loadChain } from './hq-data'
async function main() {
  const pg = await startPostgres()
  try {
    const db = await openHqDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'x')), databaseUrl: await pg.createDatabase() })
    const orig = db.query.bind(db)
    const times: Array<[number, string]> = []
    const seen: Array<[string, any]> = []
    const loaded = await loadChain(db, { tills: Number(process.env.T ?? 20), orders: Number(process.env.O ?? 20000), days: 10 })
    await db.exec('ANALYZE')
    ;(db as any).query = async (sql: string, p: any) => { const s = performance.now(); const r = await orig(sql, p); seen.push([sql, p]); times.push([performance.now() - s, sql.slice(-100).replace(/\s+/g, ' ')]); return r }
    for (let i = 0; i < 3; i++) {
      times.length = 0
      const t0 = performance.now()
      await consolidatedDay(db, systemHqClock, loaded.dates.at(-1)!)
      console.log('total', (performance.now() - t0).toFixed(0), 'queries', times.length)
    }
    for (const [ms, sql] of times.sort((a, b) => b[0] - a[0]).slice(0, 25)) console.log(ms.toFixed(1), sql)
    const lines = [...seen].find(([sql]) => /l.name_en$/.test(sql.trim()) && sql.includes('paid_at'))!
    console.log((await orig('EXPLAIN (ANALYZE, BUFFERS) ' + lines[0], lines[1])).map((r: any) => r['QUERY PLAN']).join('\n'))
    const hand = `SELECT o.till_id, l.sku, l.tax_rate, MAX(l.name) AS name, MAX(l.name_en) AS name_en,
           SUM(l.qty_milli) AS qty, SUM(l.total) AS total, SUM(l.tax) AS tax
         FROM hq_orders o JOIN hq_order_lines l ON l.till_id = o.till_id AND l.order_id = o.order_id
         WHERE o.store_id = ? AND o.paid_day = ? GROUP BY o.till_id, l.sku, l.tax_rate`
    console.log((await orig('EXPLAIN (ANALYZE, BUFFERS) ' + hand, [loaded.storeId, loaded.dates.at(-1)!])).map((r: any) => r['QUERY PLAN']).join('\n'))
    await db.close()
  } finally { pg.stop() }
}
void main()
