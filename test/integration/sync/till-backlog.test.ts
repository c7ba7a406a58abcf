import { join } from 'node:path'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { HQ_STORES, startTestHq } from '../../support/hq'
import { kassaInProcess } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'

async function ok(args: string[]) {
  const run = await kassaInProcess(args)
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')} → ${run.status}: ${run.stderr}${run.stdout}`)
  return run.stdout
}

describe.each(HQ_STORES)('the backlog a till reports with a push (%s)', (kind) => {
  it('is what stays unsynced after the batch: 0 / none once all is in, a lost answer included', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-21', '--orders', '5', '--seed', '3'])
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    const status = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-22', '--orders', '4', '--seed', '4'])
    // The till's file as it was before the head office's answer (an answer lost, or a restore).
    const before = tempDir('kassa-before-')
    for (const name of readdirSync(till)) cpSync(join(till, name), join(before, name), { recursive: true })
    await ok(['--data-dir', till, 'sync', 'now'])
    const row = async () =>
      (
        await hq.db.query<{ backlog: number | null; oldest_unsynced_at: string | null }>(
          'SELECT backlog, oldest_unsynced_at FROM tills WHERE id = ?',
          [status.tillId]
        )
      )[0]!
    expect(Number((await row()).backlog)).toBe(0)
    expect((await row()).oldest_unsynced_at).toBeNull()

    // The same events again, all duplicates now: nothing is left waiting either.
    rmSync(till, { recursive: true })
    cpSync(before, till, { recursive: true })
    const waiting = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    expect(waiting.backlog).toBeGreaterThan(4)
    await ok(['--data-dir', till, 'sync', 'now'])
    const after = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    expect(after.backlog).toBe(0)
    expect(Number((await row()).backlog)).toBe(0)
    expect((await row()).oldest_unsynced_at).toBeNull()
  })
})
