import { describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/core'
import { setupOwner } from '../../support/accounts'

// A value of the wrong type sent to the API was refused as missing ("is required" / 必须填写):
// zod 4 leaves the value out of its issues, and "no value" was read as "left out".
describe('a value of the wrong type through the router', () => {
  it('is refused as the wrong type, naming the field; a missing one as required', async () => {
    const { core, sessionId, call } = await createTestCore()
    await setupOwner(core, sessionId)

    const wrong = await call('catalog:search', { query: 5, limit: 5 })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok)
      expect(wrong.error).toMatchObject({
        code: 'VALIDATION',
        field: 'query',
        key: 'errors.validation.notAString'
      })

    const login = await call('auth:login', { username: 'owner' })
    expect(login.ok).toBe(false)
    if (!login.ok) expect(login.error).toMatchObject({ field: 'password', key: 'errors.validation.required' })

    const nested = await call('auth:login', { username: ['owner'], password: 'x' })
    expect(nested.ok).toBe(false)
    if (!nested.ok)
      expect(nested.error).toMatchObject({ field: 'username', key: 'errors.validation.notAString' })
  })
})
