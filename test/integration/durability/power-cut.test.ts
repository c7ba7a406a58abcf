import { beforeAll, describe, expect, it } from 'vitest'
import { runCrashCycles } from '../../support/crash/crash-cycles'
import { ensureNodeBuild } from '../../support/kassa-process'
import { powerCutUnavailable } from '../../support/powercut-fs/mount'

// Bounded for `npm test` (2-core CI); `npm run soak` raises it (KASSA_POWER_CUTS=300).
const CUTS = Number(process.env.KASSA_POWER_CUTS ?? 60)
const MIN_CUTS = Math.min(CUTS, 20)
const BUDGET_MS = Number(process.env.KASSA_POWER_BUDGET_MS ?? 80_000)
const SEED = Number(process.env.KASSA_POWER_SEED ?? Date.now() % 1_000_000)

const unavailable = powerCutUnavailable()
// In CI (and under .ci/run) a machine without FUSE is a broken machine, not a reason to skip.
const required = Boolean(process.env.CI || process.env.KASSA_REQUIRE_POWERCUT)
if (unavailable && !required)
  console.warn(`SKIPPED the power-cut test: ${unavailable}. It runs (and is required) in CI.`)

describe('power cuts under web mode (its data dir on a filesystem that forgets what was not fsynced)', () => {
  it.runIf(unavailable && required)('has what it needs to cut the power', () => {
    throw new Error(`the power-cut test cannot run: ${unavailable}`)
  })

  describe.skipIf(unavailable)('with FUSE', () => {
    beforeAll(() => ensureNodeBuild(), 120_000)

    it(
      `loses no acknowledged sale, refund or shift close, and no backup (up to ${CUTS} cuts, seed ${SEED})`,
      async () => {
        const report = await runCrashCycles({
          kind: 'power',
          cuts: CUTS,
          minCuts: MIN_CUTS,
          budgetMs: BUDGET_MS,
          seed: SEED,
          backupEvery: 5,
          keepGoing: process.env.KASSA_POWER_KEEP_GOING === '1',
          log: (line) => console.log(line)
        })
        const { ledger } = report
        console.log(
          `power cuts (seed ${SEED}): ${report.cuts} cuts (${report.backupCuts} in the daily backup) in ${report.ms} ms; ` +
            `acknowledged ${ledger.orders.size} orders, ${ledger.refunds.size} refunds, ` +
            `${ledger.closedShifts.size} shift closes; ${ledger.stats.resent} keys resent (${ledger.stats.unansweredResent} never answered)`
        )
        if (report.problems.length > 0) {
          const cutsWithLoss = new Set(
            report.problems.map((p) => /^after cut (\d+)/.exec(p)?.[1]).filter(Boolean)
          )
          const lost = new Set(
            report.problems.map((p) => /acknowledged order \S+ \(key (\S+)\) is missing/.exec(p)?.[1])
          )
          lost.delete(undefined)
          console.log(
            `broken promises: ${report.problems.length}; cuts that broke one: ${cutsWithLoss.size} of ${report.cuts}; ` +
              `acknowledged orders lost: ${lost.size} of ${ledger.orders.size}`
          )
        }
        expect(report.problems).toEqual([])
        expect(report.cuts).toBeGreaterThanOrEqual(MIN_CUTS)
        expect(ledger.orders.size).toBeGreaterThan(0)
        expect(report.backupCuts).toBeGreaterThan(0)
      },
      BUDGET_MS + MIN_CUTS * 10_000
    )
  })
})
