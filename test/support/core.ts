import { afterEach } from 'vitest'
import { manualClock } from '../../src/main/core/clock'
import { createCore, type Core } from '../../src/main/app/create-core'
import { silentLogger } from '../../src/main/core/logger'
import { tempDir } from './temp-dir'

const open: Core[] = []

/** A real core over a real SQLite file in a temp dir, with a hand-driven clock. */
export async function createTestCore(options: { dataDir?: string; start?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir()
  const clock = manualClock(options.start ?? '2026-11-25T09:00:00.000Z')
  const core = await createCore({ dataDir, mode: 'web', version: 'test', clock, logger: silentLogger })
  open.push(core)
  const sessionId = `test-session-${open.length}`
  core.sessions.open(sessionId, clock.now())
  return {
    core,
    clock,
    dataDir,
    sessionId,
    /** Calls a channel through the real router, as the renderer would. */
    call: (channel: string, input: unknown, session = sessionId) =>
      core.router.dispatch(channel, input, { sessionId: session })
  }
}

afterEach(() => {
  for (const core of open.splice(0)) core.close()
})
