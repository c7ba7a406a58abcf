import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parseGlobalOptions, runCli } from '../../../src/main/cli/run-cli'

function io(input = '') {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: {
      stdin: Readable.from([input]),
      stdout: {
        write: (t: string | Uint8Array) => out.push(typeof t === 'string' ? t : Buffer.from(t).toString())
      },
      stderr: { write: (t: string | Uint8Array) => err.push(String(t)) }
    }
  }
}

describe('runCli', () => {
  it('quotes in-process', async () => {
    const { io: streams, out } = io('{"currency":"CNY","lines":[{"quantity":"3","unitPrice":"0.35"}]}')
    expect(await runCli(['quote'], streams)).toBe(0)
    expect(JSON.parse(out.join(''))).toMatchObject({ total: '1.05' })
  })

  it('refuses extra arguments to quote', async () => {
    const { io: streams, err } = io('{}')
    expect(await runCli(['quote', 'extra'], streams)).toBe(2)
    expect(err).toEqual(['error: quote takes no arguments, got extra\n'])
  })

  it('reads the data directory from --data-dir, else KASSA_DATA_DIR, as an absolute path', () => {
    expect(parseGlobalOptions(['quote'], { KASSA_DATA_DIR: '/tmp/k' })).toEqual({
      dataDir: '/tmp/k',
      help: false,
      rest: ['quote']
    })
    expect(
      parseGlobalOptions(['--data-dir', '/tmp/j', 'audit', 'verify'], { KASSA_DATA_DIR: '/tmp/k' })
    ).toEqual({
      dataDir: '/tmp/j',
      help: false,
      rest: ['audit', 'verify']
    })
    expect(parseGlobalOptions(['quote', '--data-dir=rel', '-h'], {}).dataDir).toBe(resolve('rel'))
    expect(parseGlobalOptions(['quote', '--', '--data-dir'], {}).rest).toEqual(['quote', '--data-dir'])
    expect(parseGlobalOptions([], {}).dataDir).toBeUndefined()
  })
})
