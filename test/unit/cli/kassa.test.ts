import { execFileSync, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { specCart, specQuote } from '../domain/pricing/carts'

const root = resolve(__dirname, '../../..')

function kassa(args: string[], input = '') {
  const run = spawnSync(process.execPath, [resolve(root, 'bin/kassa.cjs'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 256 << 20
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(() => {
  execFileSync(process.execPath, [resolve(root, 'scripts/build-node.mjs')], { cwd: root, stdio: 'ignore' })
})

describe('kassa quote', () => {
  it('answers a cart object with a quote object, one JSON document and a newline', () => {
    const run = kassa(['quote'], JSON.stringify(specCart))
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(`${JSON.stringify(specQuote)}\n`)
  })

  it('answers an array with an array, in order', () => {
    const empty = { currency: 'JPY', lines: [] }
    const run = kassa(['quote'], JSON.stringify([specCart, empty]))
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out).toHaveLength(2)
    expect(out[0]).toEqual(specQuote)
    expect(out[1]).toMatchObject({ currency: 'JPY', lines: [], coupons: [], total: '0' })
    expect(kassa(['quote'], '[]').stdout).toBe('[]\n')
  })

  it('refuses an invalid cart: exit 2, nothing on stdout, one line on stderr', () => {
    const bad = { ...specCart, lines: [{ quantity: '0', unitPrice: '1.00' }] }
    const single = kassa(['quote'], JSON.stringify(bad))
    expect(single).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: lines[0].quantity: must be greater than 0\n'
    })
    const inArray = kassa(['quote'], JSON.stringify([specCart, specCart, specCart, bad]))
    expect(inArray).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: carts[3].lines[0].quantity: must be greater than 0\n'
    })
  })

  it('refuses invalid JSON the same way', () => {
    for (const input of ['{"currency": "CNY", ', '', 'nope\nnope']) {
      const run = kassa(['quote'], input)
      expect(run.status).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/^error: stdin: not valid JSON \(.*\)\n$/)
    }
  })

  it('refuses a document that is not a cart', () => {
    expect(kassa(['quote'], '42')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: cart: must be an object\n'
    })
  })
})

describe('kassa', () => {
  it('refuses an unknown command with exit 2', () => {
    const run = kassa(['frobnicate'])
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('error: unknown command "frobnicate" (try kassa --help)\n')
  })

  it('lists its commands on --help', () => {
    const run = kassa(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/usage: kassa \[--data-dir DIR\] <command>/)
    expect(run.stdout).toMatch(/quote/)
    expect(kassa(['quote', '--help']).stdout).toMatch(/^usage: kassa quote/)
  })

  it('shows usage on stderr with exit 2 when no command is given', () => {
    const run = kassa([])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/usage: kassa/)
  })

  it('takes the global --data-dir before or after the command', () => {
    const run = kassa(['--data-dir', '/tmp/kassa-test', 'quote'], '{"currency":"CNY","lines":[]}')
    expect(run.status).toBe(0)
    expect(kassa(['quote', '--data-dir=/tmp/x'], '{"currency":"CNY","lines":[]}').status).toBe(0)
    expect(kassa(['--data-dir'])).toMatchObject({
      status: 2,
      stderr: 'error: --data-dir needs a directory\n'
    })
  })
})
