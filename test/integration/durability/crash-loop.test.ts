import { beforeAll, describe, expect, it } from 'vitest'
import { runCrashCycles } from '../../support/crash/crash-cycles'
import { ensureNodeBuild } from '../../support/kassa-process'

// Bounded for `npm test` (2-core CI); `npm run soak` raises it (KASSA_CRASH_KILLS=1000).
const KILLS = Number(process.env.KASSA_CRASH_KILLS ?? 30)
const MIN_KILLS = Math.min(KILLS, 15)
const BUDGET_MS = Number(process.env.KASSA_CRASH_BUDGET_MS ?? 40_000)
const SEED = Number(process.env.KASSA_CRASH_SEED ?? Date.now() % 1_000_000)

describe('kill -9 of web mode in the middle of checkouts, refunds and shift closes', () => {
  beforeAll(() => ensureNodeBuild(), 120_000)

  it(
    `loses and doubles nothing the till acknowledged (up to ${KILLS} kills, seed ${SEED})`,
    async () => {
      const report = await runCrashCycles({
        kind: 'kill',
        cuts: KILLS,
        minCuts: MIN_KILLS,
        budgetMs: BUDGET_MS,
        seed: SEED,
        log: (line) => console.log(line)
      })
      const { ledger } = report
      console.log(
        `crash loop (seed ${SEED}): ${report.cuts} kills in ${report.ms} ms; acknowledged ${ledger.orders.size} orders, ` +
          `${ledger.refunds.size} refunds, ${ledger.closedShifts.size} shift closes; ${ledger.stats.resent} keys resent (${ledger.stats.unansweredResent} never answered)`
      )
      expect(report.problems).toEqual([])
      expect(report.cuts).toBeGreaterThanOrEqual(MIN_KILLS)
      expect(ledger.orders.size).toBeGreaterThan(0)
      expect(ledger.stats.resent).toBeGreaterThan(0)
    },
    BUDGET_MS + MIN_KILLS * 10_000
  )
})
