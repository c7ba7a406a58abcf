import { describe, expect, it } from 'vitest'
import { oneAtATimePerKey } from '../../../src/shared/one-at-a-time'

/** A promise to settle by hand, to hold an attempt in flight while another is queued. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}

describe('one attempt at a time per key', () => {
  it('starts an attempt on a key only once the one before it has settled, even a rejected one', async () => {
    const oneAtATime = oneAtATimePerKey()
    const started: string[] = []
    const first = gate()
    const a = oneAtATime('lily', async () => {
      started.push('a')
      await first.promise
      throw new Error('wrong PIN')
    })
    const b = oneAtATime('lily', async () => {
      started.push('b')
      return 'b done'
    })
    await Promise.resolve()
    await Promise.resolve()
    expect(started).toEqual(['a'])
    first.open()
    await expect(a).rejects.toThrow('wrong PIN')
    await expect(b).resolves.toBe('b done')
    expect(started).toEqual(['a', 'b'])
  })

  it('runs attempts on other keys, and on another queue, side by side', async () => {
    const oneAtATime = oneAtATimePerKey()
    const other = oneAtATimePerKey()
    const held = gate()
    const started: string[] = []
    const lily = oneAtATime('lily', async () => {
      started.push('lily')
      await held.promise
    })
    const wang = oneAtATime('wang', async () => void started.push('wang'))
    const lilyElsewhere = other('lily', async () => void started.push('lily elsewhere'))
    await wang
    await lilyElsewhere
    expect(started).toEqual(['lily', 'wang', 'lily elsewhere'])
    held.open()
    await lily
  })
})
