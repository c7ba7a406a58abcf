import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HQ_STORES, hqLocation, startTestHq, TestTill } from '../../support/hq'

const root = resolve(__dirname, '../../..')

function kassa(args: string[], input?: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--', resolve(root, 'src/main/cli/kassa.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      input,
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.node.json') }
    }
  )
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe.each(HQ_STORES)('kassa hq (%s)', (kind) => {
  it('prints an enrolment code a till can use, and publishes master data it pulls', async () => {
    const where = await hqLocation(kind)
    const db = where.databaseUrl ? ['--database-url', where.databaseUrl] : []
    const made = kassa(['hq', '--data-dir', where.dataDir, ...db, 'enrol-code', '--store', 'Harbour road'])
    expect(made.stderr).toMatch(/valid until/)
    expect(made.status).toBe(0)
    const code = made.stdout.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    const hq = await startTestHq(kind, where)
    const till = await TestTill.create(hq.url)
    expect((await till.enrol(code)).body).toMatchObject({ storeName: 'Harbour road', tillCode: 'T01' })

    const id = '0193a000-0000-7000-8000-0000000000c1'
    const writes = [
      {
        entity: 'category',
        id,
        op: 'put',
        data: { id, code: 'TEA', nameZh: '茶', nameEn: 'Tea', sortOrder: 1, active: true }
      }
    ]
    const published = kassa(
      ['hq', '--data-dir', where.dataDir, ...db, 'publish', '--store', 'Harbour road'],
      JSON.stringify(writes)
    )
    expect(published.status).toBe(0)
    const page = await till.pull()
    expect(page.body.changes.map((c) => c.entity)).toEqual(['settings', 'category'])

    const bad = kassa(
      ['hq', '--data-dir', where.dataDir, ...db, 'publish', '--store', 'Harbour road'],
      '[{"entity":"category","id":"x","op":"put","data":{}}]'
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^error: hq publish: \[0\]\.data\.id/)
    expect(kassa(['hq', '--data-dir', where.dataDir, 'enrol-code']).stderr).toMatch(/needs --store NAME/)
  }, 60_000)
})
