import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ZReport } from '../../../src/shared/contract/channels/settlement'
import type { ConsolidatedDay } from '../../../src/server/reports/consolidated-day'
import { HQ_STORES, hqLocation, startTestHq, TestTill } from '../../support/hq'
import { runTill } from '../../support/reporting-till'
import { toPushed } from '../../support/sync-pusher'
import { tempDir } from '../../support/temp-dir'

const root = resolve(__dirname, '../../..')

function kassa(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--', resolve(root, 'src/main/cli/kassa.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.node.json') }
    }
  )
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe.each(HQ_STORES)('kassa hq report day (%s)', (kind) => {
  it("prints per till exactly what the till's own `kassa report day --json` prints, and refuses bad input", async () => {
    const tillDir = tempDir('kassa-till-')
    const run = await runTill(
      [
        { kind: 'sale', basket: 4, coupon: true },
        { kind: 'sale', basket: 2, coupon: false },
        { kind: 'refund', amount: '1.00' },
        { kind: 'sale', basket: 1, coupon: false },
        { kind: 'void' }
      ],
      undefined,
      tillDir
    )
    const where = await hqLocation(kind)
    const hq = await startTestHq(kind, where)
    const till = await TestTill.enrolled(hq)
    expect((await till.push(run.outbox.map((row) => toPushed(row, till.tillId)))).status).toBe(200)
    const date = run.dates[0]!
    const db = where.databaseUrl ? ['--database-url', where.databaseUrl] : []

    const own = kassa(['--data-dir', tillDir, 'report', 'day', date, '--json'])
    expect(own.stderr).toBe('')
    const ownReport = JSON.parse(own.stdout) as ZReport
    const printed = kassa([
      'hq',
      '--data-dir',
      where.dataDir,
      ...db,
      'report',
      'day',
      date,
      '--store',
      'Main street',
      '--json'
    ])
    expect(printed.stderr).toBe('')
    expect(printed.status).toBe(0)
    const day = JSON.parse(printed.stdout) as ConsolidatedDay
    const mine = day.stores[0]!.tills[0]!
    expect(mine.completeness).toMatchObject({ sold: true, complete: true, reason: 'shifts-closed' })
    expect({ ...mine.report, generatedAt: ownReport.generatedAt }).toEqual(ownReport)
    expect(day.totals[0]!.netSales).toBe(ownReport.netSales)

    const text = kassa(['hq', '--data-dir', where.dataDir, ...db, 'report', 'day', date])
    expect(text.stdout).toMatch(new RegExp(`Consolidated settlement ${date}\\n`))
    expect(text.stdout).toMatch(/T01 complete +\d+ orders/)

    expect(kassa(['hq', '--data-dir', where.dataDir, ...db, 'report', 'day', '2025-02-30']).stderr).toMatch(
      /not a date/
    )
    expect(
      kassa(['hq', '--data-dir', where.dataDir, ...db, 'report', 'day', date, '--store', 'Nowhere']).stderr
    ).toMatch(/no store "Nowhere"/)
    expect(kassa(['hq', '--data-dir', where.dataDir, ...db, 'report', 'week']).status).toBe(2)
  }, 90_000)
})
