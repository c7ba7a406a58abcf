import { describe, expect, it } from 'vitest'
import type { PushRequest } from '@shared/sync/protocol'
import { backlogLeft } from '../../../src/server/push/backlog'

const events = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    seq: from + i,
    at: `2026-11-21T10:0${i}:00.000Z`
  })) as unknown as PushRequest['events']
const batch = (extra: Partial<PushRequest>): PushRequest =>
  ({ tillId: 't', sentAt: '2026-11-21T11:00:00.000Z', events: events(4, 6), ...extra }) as PushRequest

describe('backlogLeft', () => {
  it('takes what the till says stays after the batch once the whole batch is held', () => {
    expect(backlogLeft(batch({ remaining: { count: 0, oldestAt: null } }), 6)).toEqual({
      count: 0,
      oldestAt: null
    })
    expect(backlogLeft(batch({ remaining: { count: 2, oldestAt: '2026-11-21T10:30:00.000Z' } }), 9)).toEqual({
      count: 2,
      oldestAt: '2026-11-21T10:30:00.000Z'
    })
  })
  it('adds the events of the batch not held, the oldest of them first', () => {
    expect(backlogLeft(batch({ remaining: { count: 1, oldestAt: '2026-11-21T10:30:00.000Z' } }), 4)).toEqual({
      count: 3,
      oldestAt: '2026-11-21T10:01:00.000Z'
    })
  })
  it('an older till counts the batch in its backlog: the events held (duplicates too) come off it', () => {
    expect(backlogLeft(batch({ backlog: { count: 3, oldestAt: '2026-11-21T10:00:00.000Z' } }), 6)).toEqual({
      count: 0,
      oldestAt: null
    })
    expect(backlogLeft(batch({}), 6)).toEqual({ count: null, oldestAt: null })
  })
})
