import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger, redact } from '../../../src/main/core/logger'
import { tempDir } from '../../support/temp-dir'

describe('the log', () => {
  it('never writes a password, PIN, token or card number, however deeply nested', () => {
    const dir = tempDir()
    const logger = createFileLogger(dir)
    logger.info('auth.login_failed', {
      username: 'lily',
      password: 'hunter22',
      attempt: { pin: '1234', sessionToken: 'abc', card: { cardNumber: '4111111111111111' } }
    })
    const line = readFileSync(join(dir, 'kassa.log'), 'utf8')
    expect(line).toContain('lily')
    for (const secret of ['hunter22', '1234', 'abc', '4111111111111111']) expect(line).not.toContain(secret)
  })

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tempDir()
    const logger = createFileLogger(dir, { maxBytes: 200, keep: 2 })
    for (let i = 0; i < 50; i++) logger.info('tick', { i })
    expect(readdirSync(dir).sort()).toEqual(['kassa.1.log', 'kassa.2.log', 'kassa.log'])
  })

  it('keeps the message of an error but not its secrets', () => {
    expect(redact({ error: new Error('boom'), token: 't' })).toMatchObject({
      error: { message: 'boom' },
      token: '[redacted]'
    })
  })
})

describe('secret-shaped values under innocent names', () => {
  it('masks card numbers (Luhn-valid, grouped or not) and bearer tokens inside text', () => {
    const line = JSON.stringify(
      redact({
        message: 'No product with code 6225880000001231',
        query: 'card 4111 1111 1111 1111 please',
        url: '/api/events?session=qPaOlaCONs5RfCOvReIrZfHbOVgAyIxQlZ95In1jZRA',
        error: new Error('upstream said Bearer abcdefghijklmnopqrstuvwxyz012345')
      })
    )
    for (const secret of ['6225880000001231', '4111 1111 1111 1111', 'qPaOlaCONs5RfCO', 'abcdefghijklmnop'])
      expect(line).not.toContain(secret)
    expect(line).toContain('****1231')
    expect(line).toContain('****1111')
  })

  it('leaves numbers that are not card numbers alone (an order number, a barcode that fails Luhn)', () => {
    expect(redact({ order: 'T01-000123', barcode: '6901234567890', amount: 35910 })).toEqual({
      order: 'T01-000123',
      barcode: '6901234567890',
      amount: 35910
    })
  })
})
