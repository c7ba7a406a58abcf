import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HQ_STORES, hqLocation, paidOrder, startTestHq, TestTill } from '../../support/hq'

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
    const hq0 = [...['hq', '--data-dir', where.dataDir], ...db]
    // A store is created explicitly, its zone required: enrol-code makes none of a typo.
    const noZone = kassa([...hq0, 'store', 'create', '--name', 'Harbour road'])
    expect(noZone.status).toBe(2)
    expect(noZone.stderr).toMatch(/needs --time-zone ZONE, the store's IANA time zone \(this machine's: /)
    const tooLong = kassa([...hq0, 'store', 'create', '--name', 'x'.repeat(500), '--time-zone', 'UTC'])
    expect(tooLong.stderr).toMatch(/--name must be at most 80 characters/)
    expect(kassa([...hq0, 'store', 'create', '--name', 'H', '--time-zone', 'Mars/Base']).stderr).toMatch(
      /--time-zone must be a time zone such as Asia\/Shanghai/
    )
    const created = kassa([
      ...hq0,
      'store',
      'create',
      '--name',
      ' Harbour road ',
      '--time-zone',
      'Asia/Shanghai'
    ])
    expect(created.stdout).toBe('created store "Harbour road" (Asia/Shanghai)\n')
    expect(created.status).toBe(0)
    expect(kassa([...hq0, 'store', 'create', '--name', 'Harbour road', '--time-zone', 'UTC']).stderr).toMatch(
      /--name: a store "Harbour road" exists/
    )
    for (const typo of ['Nope Store', 'x'.repeat(500)]) {
      const refused = kassa([...hq0, 'enrol-code', '--store', typo])
      expect(refused.status).toBe(2)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toMatch(
        /--store: no store ".*" \(stores: "Harbour road"\); create one with: kassa hq store create/
      )
    }
    const made = kassa([...hq0, 'enrol-code', '--store', 'Harbour road '])
    expect(made.stderr).toMatch(/valid until/)
    expect(made.status).toBe(0)
    const code = made.stdout.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    const hq = await startTestHq(kind, where)
    const till = await TestTill.create(hq.url)
    expect((await till.enrol(code)).body).toMatchObject({ storeName: 'Harbour road', tillCode: 'T01' })
    const stores = await hq.db.query<{ name: string; time_zone: string }>(
      'SELECT name, time_zone FROM stores'
    )
    expect(stores).toEqual([{ name: 'Harbour road', time_zone: 'Asia/Shanghai' }])

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

  it("rebuilds the projections from the events it holds, a restored till's collided sale included", async () => {
    const where = await hqLocation(kind)
    const db = where.databaseUrl ? ['--database-url', where.databaseUrl] : []
    const hq = await startTestHq(kind, where)
    const till = await TestTill.enrolled(hq)
    await till.push([till.event('order.paid', paidOrder({ total: 200 }))])
    // Restored from a copy without that sale: the next one reuses seq 1.
    await till.push([till.event('order.paid', paidOrder({ total: 850 }), { seq: 1 })])
    const totals = async () =>
      (await hq.db.query<{ total: number }>('SELECT total FROM hq_orders ORDER BY total')).map((r) =>
        Number(r.total)
      )
    expect(await totals()).toEqual([200, 850])
    await hq.db.run('DELETE FROM hq_payments')
    await hq.db.run('DELETE FROM hq_orders')
    const rebuilt = kassa(['hq', '--data-dir', where.dataDir, ...db, 'rebuild-projections'])
    expect(rebuilt.stdout).toBe('rebuilt the projections from 2 applied event(s)\n')
    expect(rebuilt.status).toBe(0)
    expect(await totals()).toEqual([200, 850])
    expect(Number((await hq.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM hq_payments'))[0]!.n)).toBe(2)
  }, 60_000)
})
