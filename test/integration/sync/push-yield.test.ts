import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { openConnection } from '../../../src/main/store/connection'
import { createOutboxRepo } from '../../../src/main/store/repos/outbox-repo'
import { createHqClient, type HqIdentity } from '../../../src/main/sync/hq-client'
import { loadTillKey } from '../../../src/main/sync/key-store'
import { pushOutbox } from '../../../src/main/sync/push-outbox'
import { createPushProcess } from '../../../src/main/sync/push-process'
import {
  createSellingSignal,
  remoteSelling,
  whenQuiet,
  YIELD_AT_MOST_MS
} from '../../../src/main/sync/selling-signal'
import { startHq } from '../../../src/server/hq'
import { HQ_STORES, hqLocation, paidOrder, startTestHq } from '../../support/hq'
import { kassaInProcess } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'

// The push yields to selling (selling-signal.ts) and marks events synced a few times per push, not
// per batch (push-outbox.ts). Both change when main is disturbed, never what is marked: these tests
// push a real till file to a real head office and check what each side holds.

type Hq = Awaited<ReturnType<typeof startHq>>
const EXTRA_EVENTS = 1_200
const BATCH = 300

async function ok(args: string[]): Promise<string> {
  const run = await kassaInProcess(args)
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')} → ${run.status}: ${run.stderr}${run.stdout}`)
  return run.stdout
}

/** A simulated till enrolled with `hq`, with EXTRA_EVENTS more events waiting; its file and identity. */
async function tillWithBacklog(hq: Hq): Promise<{ file: string; identity: HqIdentity }> {
  const dir = tempDir('kassa-till-')
  await ok(['--data-dir', dir, 'simulate', '--date', '2026-11-01', '--orders', '3', '--seed', '5'])
  const { code } = await createEnrolCode(hq.db, hq.clock, 'Yield street')
  await ok(['--data-dir', dir, 'sync', 'enrol', '--hq', hq.url, '--code', code])
  const status = JSON.parse(await ok(['--data-dir', dir, 'sync', 'status', '--json'])) as SyncStatus
  const file = join(dir, 'kassa.sqlite')
  const db = openConnection(file)
  try {
    const outbox = createOutboxRepo(db)
    db.transaction(() => {
      for (let i = 0; i < EXTRA_EVENTS; i++) {
        const order = paidOrder({
          paidAt: new Date(Date.parse('2026-11-02T02:00:00Z') + i * 60_000).toISOString()
        })
        outbox.append({
          id: uuidv7(),
          at: order.paidAt,
          type: 'order.paid',
          aggregateId: order.id,
          payload: order
        })
      }
    })()
  } finally {
    db.close()
  }
  return {
    file,
    identity: { hqUrl: hq.url, tillId: status.tillId!, privateKey: loadTillKey(dir)!.privateKey }
  }
}

/** The push as the push process runs it, over its own read-only connection; marks through a write connection. */
async function push(
  file: string,
  identity: HqIdentity,
  options: { yieldToSelling: () => Promise<unknown> }
): Promise<{ acknowledged: number; batches: number; marks: number[] }> {
  const reader = openConnection(file, { readonly: true })
  const writer = openConnection(file)
  const marks: number[] = []
  try {
    const result = await pushOutbox(
      createOutboxRepo(reader),
      createHqClient({ now: () => new Date(), onClockOffset: () => undefined }),
      identity,
      {
        now: () => new Date(),
        appVersion: 'test',
        maxEvents: BATCH,
        yieldToSelling: options.yieldToSelling,
        markSynced: (upTo) => {
          marks.push(upTo)
          return Promise.resolve(
            writer.transaction(() =>
              createOutboxRepo(writer).markSyncedUpTo(upTo, new Date().toISOString())
            )()
          )
        }
      }
    )
    return { acknowledged: result.acknowledged, batches: result.batches, marks }
  } finally {
    reader.close()
    writer.close()
  }
}

function tillMark(file: string): { mark: number; highest: number } {
  const db = openConnection(file, { readonly: true })
  try {
    const outbox = createOutboxRepo(db)
    return { mark: outbox.highestSeq() - outbox.unsyncedCount(), highest: outbox.highestSeq() }
  } finally {
    db.close()
  }
}

async function heldSeqs(hq: Hq, tillId: string): Promise<number[]> {
  const rows = await hq.db.query<{ seq: number }>('SELECT seq FROM events WHERE till_id = ? ORDER BY seq', [
    tillId
  ])
  return rows.map((r) => Number(r.seq))
}

describe('the selling signal', () => {
  it('answers at once when nothing is in progress, when the last request ends, or at the bound', async () => {
    const signal = createSellingSignal()
    expect(await whenQuiet(signal.buffer, 1_000)).toBeLessThan(20)

    const first = signal.begin()
    const second = signal.begin()
    expect(signal.inProgress()).toBe(2)
    const waiting = whenQuiet(signal.buffer, 5_000)
    setTimeout(first, 30)
    setTimeout(first, 35) // a second call of the same end counts once
    setTimeout(second, 80)
    const waited = await waiting
    expect(waited).toBeGreaterThanOrEqual(70)
    expect(waited).toBeLessThan(1_000)
    expect(signal.inProgress()).toBe(0)

    const stuck = signal.begin()
    const bounded = await whenQuiet(signal.buffer, 60)
    expect(bounded).toBeGreaterThanOrEqual(55)
    expect(bounded).toBeLessThan(1_000)
    stuck()
  })
})

describe("the selling signal's cross-process form", () => {
  it("tells busy and quiet as main's count leaves and reaches 0; the push side waits for quiet, at most the bound", async () => {
    const signal = createSellingSignal()
    const told: boolean[] = []
    const off = signal.onChange((busy) => told.push(busy))
    const first = signal.begin()
    const second = signal.begin()
    first()
    first()
    second()
    off()
    signal.begin()()
    expect(told).toEqual([true, false])

    const remote = remoteSelling()
    expect(await remote.whenQuiet(1_000)).toBeLessThan(20)
    remote.set(true)
    setTimeout(() => remote.set(false), 30)
    const waited = await remote.whenQuiet(5_000)
    expect(waited).toBeGreaterThanOrEqual(25)
    expect(waited).toBeLessThan(1_000)
    remote.set(true)
    const bounded = await remote.whenQuiet(60)
    expect(bounded).toBeGreaterThanOrEqual(55)
    expect(bounded).toBeLessThan(1_000)
  })
})

/** The nice value of each thread of process `pid` now (Linux's /proc). */
function threadNices(pid: number | 'self'): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])]
    } catch {
      return [] // the thread ended
    }
  })
}

/** A push as the sync service runs it: in the push process, marked through a write connection of the test's. */
function pushInProcess(
  pusher: ReturnType<typeof createPushProcess>,
  till: { file: string; identity: HqIdentity },
  marks: number[]
) {
  return pusher.push(
    {
      file: till.file,
      identity: till.identity,
      appVersion: 'test',
      maxEvents: BATCH,
      tillMinusSystemMs: 0,
      clockOffsetMs: 0
    },
    {
      markSynced: (upTo) => {
        marks.push(upTo)
        const writer = openConnection(till.file)
        try {
          return writer.transaction(() =>
            createOutboxRepo(writer).markSyncedUpTo(upTo, new Date().toISOString())
          )()
        } finally {
          writer.close()
        }
      },
      onClockOffset: () => undefined
    }
  )
}

describe.each(HQ_STORES)('the push in a process of its own (%s)', (kind) => {
  it('runs every thread of it at nice 10, leaves main as it was, waits at each step while main is busy (bounded) and pushes everything once', async () => {
    const hq = await startTestHq(kind)
    const till = await tillWithBacklog(hq)
    const before = tillMark(till.file)
    const mainNices = process.platform === 'linux' ? threadNices('self') : []
    const selling = createSellingSignal()
    const pusher = createPushProcess({ selling })
    const marks: number[] = []
    try {
      const endSale = selling.begin() // a request that never ends: the push must not starve
      const started = performance.now()
      let done = false
      const pushing = pushInProcess(pusher, till, marks).finally(() => (done = true))
      // Read while the push is under way (its first batch is in; loading ran at main's priority).
      const seen: number[] = []
      while (!done) {
        const pid = pusher.pid()
        const underWay = (await heldSeqs(hq, till.identity.tillId)).length > before.mark
        if (process.platform === 'linux' && pid !== undefined && underWay) seen.push(...threadNices(pid))
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const result = await pushing
      const tookMs = performance.now() - started
      endSale()

      if (process.platform === 'linux') {
        // V8's helpers, libuv's pool: each of its threads, not only its main one.
        expect(seen.length).toBeGreaterThan(5)
        expect(new Set(seen)).toEqual(new Set([10]))
        expect(threadNices('self').every((nice) => mainNices.includes(nice))).toBe(true)
        expect(pusher.pid()).not.toBe(process.pid)
      }
      const { mark, highest } = tillMark(till.file)
      expect(mark).toBe(highest)
      expect(await heldSeqs(hq, till.identity.tillId)).toEqual(
        Array.from({ length: highest }, (_, i) => i + 1)
      )
      expect(result.acknowledged).toBe(highest - before.mark)
      // Each batch: its reads (one per 250 events), its send and its answer, each waiting the bound.
      expect(result.batches).toBeGreaterThanOrEqual(EXTRA_EVENTS / BATCH)
      expect(tookMs).toBeGreaterThanOrEqual(result.batches * 3 * (YIELD_AT_MOST_MS - 5))
      expect(marks).toEqual([...marks].sort((a, b) => a - b))
      expect(marks.length).toBeLessThan(result.batches)
      expect(marks.at(-1)).toBe(highest)
    } finally {
      await pusher.close()
    }
  }, 60_000)

  it('a push process ended mid-push fails that push, and the next process sends the rest once', async () => {
    const hq = await startTestHq(kind)
    const till = await tillWithBacklog(hq)
    const before = tillMark(till.file)
    const selling = createSellingSignal()
    const pusher = createPushProcess({ selling })
    const marks: number[] = []
    try {
      const endSale = selling.begin() // slows each step to the bound, so the push is caught midway
      const cut = pushInProcess(pusher, till, marks).then(
        () => null,
        (error: unknown) => error
      )
      while ((await heldSeqs(hq, till.identity.tillId)).length < before.mark + 2 * BATCH)
        await new Promise((resolve) => setTimeout(resolve, 20))
      const ended = pusher.pid()
      await pusher.close()
      expect(await cut).toBeInstanceOf(Error)
      endSale()
      const afterCut = tillMark(till.file)
      expect(afterCut.mark).toBeLessThan(afterCut.highest)
      expect(marks).toEqual([...marks].sort((a, b) => a - b))

      const rest = await pushInProcess(pusher, till, marks)
      expect(pusher.pid()).not.toBe(ended)
      expect(rest.acknowledged).toBe(afterCut.highest - afterCut.mark)
      const { mark, highest } = tillMark(till.file)
      expect(mark).toBe(highest)
      expect(await heldSeqs(hq, till.identity.tillId)).toEqual(
        Array.from({ length: highest }, (_, i) => i + 1)
      )
      expect(marks).toEqual([...marks].sort((a, b) => a - b))
    } finally {
      await pusher.close()
    }
  }, 60_000)
})

describe.each(HQ_STORES)('a push yielding to selling (%s)', (kind) => {
  it('waits at each step while a sale is in progress, at most the bound, and still pushes everything, marked a few times', async () => {
    const hq = await startTestHq(kind)
    const till = await tillWithBacklog(hq)
    const signal = createSellingSignal()
    const endSale = signal.begin() // a request that never ends: the push must not starve
    const waits: number[] = []
    const started = performance.now()
    const result = await push(till.file, till.identity, {
      yieldToSelling: async () => waits.push(await whenQuiet(signal.buffer, YIELD_AT_MOST_MS))
    })
    const tookMs = performance.now() - started
    endSale()

    const { mark, highest } = tillMark(till.file)
    expect(mark).toBe(highest)
    expect(await heldSeqs(hq, till.identity.tillId)).toEqual(Array.from({ length: highest }, (_, i) => i + 1))
    expect(result.batches).toBeGreaterThanOrEqual(EXTRA_EVENTS / BATCH)
    // Each batch: its reads (one per 250 events), its send; the marks.
    expect(waits.length).toBeGreaterThanOrEqual(result.batches * 3)
    for (const waited of waits) expect(waited).toBeGreaterThanOrEqual(YIELD_AT_MOST_MS - 5)
    expect(tookMs).toBeGreaterThanOrEqual(waits.length * (YIELD_AT_MOST_MS - 5))
    // Marked from the answers only, upward, fewer times than there were batches, the last at the end.
    expect(result.marks.length).toBeLessThan(result.batches)
    expect(result.marks).toEqual([...result.marks].sort((a, b) => a - b))
    expect(result.marks.at(-1)).toBe(highest)
    expect(result.acknowledged).toBe(EXTRA_EVENTS)

    // Nothing in progress: no step waits.
    expect(await whenQuiet(signal.buffer, YIELD_AT_MOST_MS)).toBeLessThan(YIELD_AT_MOST_MS / 2)
  }, 60_000)

  it('a push cut short marks what the head office acknowledged, and the next push sends the rest once', async () => {
    const location = await hqLocation(kind)
    const options = { ...location, port: 0, logError: () => undefined }
    let hq = await startHq(options)
    try {
      const till = await tillWithBacklog(hq)
      const before = tillMark(till.file)
      let stopped = false
      const cut = await push(till.file, till.identity, {
        // The head office goes away once it holds two batches, before the next is sent.
        yieldToSelling: async () => {
          if (stopped) return
          if ((await heldSeqs(hq, till.identity.tillId)).length >= before.mark + 2 * BATCH) {
            stopped = true
            await hq.close()
          }
        }
      }).then(
        () => null,
        (error: unknown) => error
      )
      expect(cut).toMatchObject({ error: { code: 'NETWORK' } })
      const afterCut = tillMark(till.file)
      expect(afterCut.mark).toBeGreaterThanOrEqual(before.mark + 2 * BATCH)
      expect(afterCut.mark).toBeLessThan(afterCut.highest)

      hq = await startHq(options)
      expect((await heldSeqs(hq, till.identity.tillId)).length).toBeGreaterThanOrEqual(afterCut.mark)
      const rest = await push(
        till.file,
        { ...till.identity, hqUrl: hq.url },
        { yieldToSelling: () => Promise.resolve() }
      )
      expect(rest.acknowledged).toBe(afterCut.highest - afterCut.mark)
      const { mark, highest } = tillMark(till.file)
      expect(mark).toBe(highest)
      expect(await heldSeqs(hq, till.identity.tillId)).toEqual(
        Array.from({ length: highest }, (_, i) => i + 1)
      )
    } finally {
      await hq.close().catch(() => undefined)
    }
  }, 60_000)
})
