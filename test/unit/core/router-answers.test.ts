import { describe, expect, it } from 'vitest'
import { createRouter } from '../../../src/main/api/router'
import { silentLogger } from '../../../src/main/core/logger'
import { DomainError } from '../../../src/main/domain/errors'

// A handler may answer at once or through a promise (issue 12: the checkout answers at once, with
// no promise of its own); the router answers and refuses the same way for both.

const router = () => createRouter({ gate: () => null, logger: silentLogger })
const refusal = () => new DomainError('CONFLICT', 'not now', 'orderId', { key: 'errors.sync.notEnrolled' })

describe('the router with handlers that answer at once or later', () => {
  it('answers a value given at once as one given through a promise', async () => {
    const r = router()
    r.handle('app:info', () => ({ answered: 'now' }) as never)
    r.handle('sync:status', async () => ({ answered: 'later' }) as never)
    expect(await r.dispatch('app:info', {}, { sessionId: 's' })).toEqual({
      ok: true,
      value: { answered: 'now' }
    })
    expect(await r.dispatch('sync:status', {}, { sessionId: 's' })).toEqual({
      ok: true,
      value: { answered: 'later' }
    })
  })

  it('refuses a DomainError thrown at once or rejected later in the same shape', async () => {
    const r = router()
    r.handle('app:info', () => {
      throw refusal()
    })
    r.handle('sync:status', async () => {
      await Promise.resolve()
      throw refusal()
    })
    const expected = {
      ok: false,
      error: { code: 'CONFLICT', message: 'not now', field: 'orderId', key: 'errors.sync.notEnrolled' }
    }
    expect(await r.dispatch('app:info', {}, { sessionId: 's' })).toEqual(expected)
    expect(await r.dispatch('sync:status', {}, { sessionId: 's' })).toEqual(expected)
  })

  it('turns a plain error thrown at once into INTERNAL, nothing saved', async () => {
    const r = router()
    r.handle('app:info', () => {
      throw new Error('broken')
    })
    expect(await r.dispatch('app:info', {}, { sessionId: 's' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' }
    })
  })
})
