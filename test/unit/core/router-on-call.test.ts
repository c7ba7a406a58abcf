import { describe, expect, it } from 'vitest'
import { createRouter } from '../../../src/main/api/router'
import { silentLogger } from '../../../src/main/core/logger'
import { DomainError } from '../../../src/main/domain/errors'
import { createSellingSignal } from '../../../src/main/sync/selling-signal'

// The selling signal the sync push process yields to counts calls through the router's `onCall`: each
// call is counted while it runs and uncounted once it has answered, whatever the answer.

describe("the router's onCall (the selling signal)", () => {
  it('counts a call while it runs and uncounts it once answered, refused or failed alike', async () => {
    const selling = createSellingSignal()
    const seen: string[] = []
    const router = createRouter({
      gate: () => null,
      logger: silentLogger,
      onCall: (channel) => {
        seen.push(channel)
        return channel.startsWith('sync:') ? undefined : selling.begin()
      }
    })
    let release: () => void = () => undefined
    let during = -1
    router.handle('app:info', async () => {
      during = selling.inProgress()
      await new Promise<void>((resolve) => (release = resolve))
      throw new DomainError('CONFLICT', 'not now', undefined, { key: 'errors.sync.notEnrolled' })
    })
    router.handle('sync:status', () => {
      during = selling.inProgress()
      throw new Error('broken')
    })

    const call = router.dispatch('app:info', {}, { sessionId: 's' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(during).toBe(1)
    expect(selling.inProgress()).toBe(1)
    release()
    expect(await call).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(selling.inProgress()).toBe(0)

    // Refused by its input: counted, and uncounted.
    expect(await router.dispatch('app:info', { extra: 1 }, { sessionId: 's' })).toMatchObject({ ok: false })
    expect(selling.inProgress()).toBe(0)

    // The sync's own calls are not selling; an unknown channel is not a call at all.
    expect(await router.dispatch('sync:status', {}, { sessionId: 's' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' }
    })
    expect(during).toBe(0)
    expect(await router.dispatch('no:such', {}, { sessionId: 's' })).toMatchObject({ ok: false })
    expect(seen).toEqual(['app:info', 'app:info', 'sync:status'])
    expect(selling.inProgress()).toBe(0)
  })
})
