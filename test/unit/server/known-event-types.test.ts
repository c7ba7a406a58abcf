import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { project, RECORDED_TYPES } from '../../../src/server/push/projections'

const ROOT = resolve(__dirname, '../../..')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  )
}

/** Every outbox event type the till's code writes: `type: 'a.b'` literals, and the two templated families. */
function tillEventTypes(): string[] {
  const types = new Set([
    'shift.cash_in',
    'shift.cash_out',
    'refund.tender_succeeded',
    'refund.tender_failed'
  ])
  for (const file of files(join(ROOT, 'src/main/services')))
    for (const match of readFileSync(file, 'utf8').matchAll(/\btype: '([a-z_]+\.[a-z_]+)'/g))
      types.add(match[1]!)
  return [...types].sort()
}

describe('the head office knows every event a till sends', () => {
  it('projects or records each type (an unknown one would be quarantined and hold a day incomplete)', () => {
    const types = tillEventTypes()
    expect(types.length).toBeGreaterThan(15)
    const unknown = types.filter((type) => {
      if (RECORDED_TYPES.has(type)) return false
      const outcome = project(
        { tillId: 't', storeId: 's', eventId: 'e', type, at: '2025-03-01T02:00:00.000Z', payload: {} },
        'UTC'
      )
      // A projected type quarantines an empty payload for its fields, never as unknown.
      return outcome.status === 'quarantined' && outcome.reason.startsWith('unknown event type')
    })
    expect(unknown).toEqual([])
  })
})
