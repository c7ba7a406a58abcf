import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { startHq } from '../src/server/hq'
import { paidOrder, TestTill } from '../test/support/test-till'
import { toPushed } from '../test/support/sync-pusher'

async function main() {
  const hq = await startHq({ dataDir: mkdtempSync(join(tmpdir(), 'anp-')), port: 0, logError: () => undefined })
  const till = await TestTill.enrolled(hq)
  const start = Date.parse('2026-11-20T01:00:00.000Z')
  const rows = Array.from({ length: 20_000 }, (_, i) => {
    const at = new Date(start + i * 20_000).toISOString()
    const order = paidOrder({ paidAt: at })
    return { seq: i + 1, id: uuidv7(), at, type: 'order.paid', aggregateId: order.id, payload: JSON.stringify(order) }
  })
  const t0 = Date.now()
  for (let i = 0; i < rows.length; i += 1000) {
    const answer = await till.push(rows.slice(i, i + 1000).map((r) => toPushed(r, till.tillId)))
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  }
  console.log(process.env.NO_DETECT ?? 'detect', Date.now() - t0, 'ms')
  await hq.close()
}
void main()
