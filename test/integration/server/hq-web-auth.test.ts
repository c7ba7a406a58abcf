import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hqApi } from '../../../src/shared/hq-api/index'
import { HQ_ROLES, type HqRole } from '../../../src/shared/hq-api/route'
import type { RunningHq } from '../../../src/server/hq'
import { HQ_STORES, hqLocation, startTestHq, type HqStoreKind } from '../../support/hq'
import { allRoutes, HqWebClient } from '../../support/hq-web'

/** Quick scrypt for tests: verification reads the cost from the stored hash. */
const FAST = { hashParams: { N: 2 ** 10, r: 8, p: 1 } }
const OWNER_PASSWORD = 'owner-secret-4711'
const OTHER_PASSWORD = 'other-secret-0815'

async function setUp(kind: HqStoreKind, options = {}) {
  const logged: Array<Record<string, unknown>> = []
  const hq = await startTestHq(kind, { ...FAST, logError: (entry) => logged.push(entry), ...options })
  const owner = new HqWebClient(hq.url)
  await owner.call(hqApi.auth.setup, { name: 'Olga', password: OWNER_PASSWORD })
  return { hq, owner, logged }
}

async function signIn(hq: RunningHq, name: string, password: string) {
  const client = new HqWebClient(hq.url)
  await client.call(hqApi.auth.login, { name, password })
  return client
}

const count = async (hq: RunningHq, sql: string, params: string[] = []) =>
  Number((await hq.db.query<{ n: number }>(sql, params))[0]!.n)

describe.each(HQ_STORES)('head-office web app: sign-in and roles (%s)', (kind) => {
  it('creates the owner on the first visit only, with an HttpOnly SameSite=Strict session cookie', async () => {
    const hq = await startTestHq(kind, FAST)
    const first = new HqWebClient(hq.url)
    expect((await first.send(hqApi.auth.session, {})).body).toEqual({ setupNeeded: true, user: null })
    const made = await first.send(hqApi.auth.setup, { name: 'Olga', password: OWNER_PASSWORD })
    expect(made.status).toBe(200)
    expect(made.body).toMatchObject({ name: 'Olga', role: 'owner' })
    expect(made.setCookie).toMatch(/HttpOnly/)
    expect(made.setCookie).toMatch(/SameSite=Strict/)
    expect((await first.send(hqApi.auth.session, {})).body).toMatchObject({
      setupNeeded: false,
      user: { name: 'Olga' }
    })

    const second = new HqWebClient(hq.url)
    const again = await second.send(hqApi.auth.setup, { name: 'Mallory', password: OTHER_PASSWORD })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', key: 'errors.hq.auth.alreadySetUp' })
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM hq_users')).toBe(1)
  })

  it('locks a user out after five wrong passwords, however many guesses arrive at once', async () => {
    const { hq } = await setUp(kind)
    const guesses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        new HqWebClient(hq.url).send(hqApi.auth.login, { name: 'Olga', password: `guess-number-${i}` })
      )
    )
    const codes = guesses.map((g) => g.body.error?.code)
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5)
    expect(codes.filter((c) => c === 'LOCKED')).toHaveLength(19)
    expect(guesses.find((g) => g.body.error?.code === 'LOCKED')!.body.error).toMatchObject({
      field: 'name',
      key: 'errors.hq.auth.locked',
      params: { minutes: 15 }
    })
    // Even the right password is refused while locked; the misses are audited, five of them.
    const right = await new HqWebClient(hq.url).send(hqApi.auth.login, {
      name: 'Olga',
      password: OWNER_PASSWORD
    })
    expect(right.body.error?.code).toBe('LOCKED')
    expect(await count(hq, "SELECT COUNT(*) AS n FROM hq_audit WHERE action = 'auth.failed'")).toBe(5)
    expect(await count(hq, "SELECT COUNT(*) AS n FROM hq_audit WHERE action = 'auth.lockedOut'")).toBe(1)
  })

  it('ends a session left idle past the limit', async () => {
    let shift = 0
    const { hq, owner } = await setUp(kind, {
      idleMs: 60 * 60_000,
      clock: { now: () => new Date(Date.now() + shift) }
    })
    expect((await owner.send(hqApi.stores.list, {})).status).toBe(200)
    shift = 61 * 60_000
    const late = await owner.send(hqApi.stores.list, {})
    expect(late.status).toBe(401)
    expect(late.body.error?.key).toBe('errors.hq.auth.sessionExpired')
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM hq_sessions')).toBe(0)
  })

  it('answers every declared route by role: signed out 401, a role not listed 403, else past the gate', async () => {
    const { hq, owner } = await setUp(kind)
    const store = await owner.call(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    const other = await owner.call(hqApi.stores.create, { name: 'South', timeZone: 'Asia/Shanghai' })
    await owner.call(hqApi.auth.createUser, {
      name: 'Mia',
      password: OTHER_PASSWORD,
      role: 'manager',
      storeIds: [store.id]
    })
    await owner.call(hqApi.auth.createUser, {
      name: 'Abe',
      password: OTHER_PASSWORD,
      role: 'auditor',
      storeIds: []
    })
    const names: Record<HqRole, [string, string]> = {
      owner: ['Olga', OWNER_PASSWORD],
      manager: ['Mia', OTHER_PASSWORD],
      auditor: ['Abe', OTHER_PASSWORD]
    }
    const routes = allRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(8)
    for (const { area, name, route } of routes) {
      const anonymous = await new HqWebClient(hq.url).send(route, {})
      if (route.roles === 'public') expect([anonymous.status, `${area}.${name}`]).not.toContain(401)
      else expect([anonymous.status, `${area}.${name}`]).toEqual([401, `${area}.${name}`])
      for (const role of HQ_ROLES) {
        // A fresh session each time: a route may end it (sign-out).
        const client = await signIn(hq, ...names[role])
        const answer = await client.send(route, {})
        const allowed = route.roles === 'public' || route.roles.includes(role)
        const seen = [`${area}.${name} as ${role}`, answer.status]
        if (allowed) {
          expect(seen).not.toContain(401)
          expect(seen).not.toContain(403)
        } else {
          expect(seen).toEqual([`${area}.${name} as ${role}`, 403])
          // No article to get wrong ("a auditor"): the role is named as a role.
          expect(answer.body.error).toMatchObject({
            message: `the ${role} role may not do this`,
            key: 'errors.hq.auth.forbidden'
          })
        }
      }
    }
    // A manager sees and acts on their own stores only.
    const mia = await signIn(hq, ...names.manager)
    expect((await mia.call(hqApi.stores.list, {})).stores.map((s) => s.name)).toEqual(['North'])
    expect((await mia.send(hqApi.stores.enrolCode, { storeId: store.id })).status).toBe(200)
    const foreign = await mia.send(hqApi.stores.enrolCode, { storeId: other.id })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error).toMatchObject({ field: 'storeId', key: 'errors.hq.auth.notYourStore' })
  })

  it('names the refused field and writes nothing (nor its audit) on bad input', async () => {
    const { hq, owner } = await setUp(kind)
    const before = await count(hq, 'SELECT COUNT(*) AS n FROM hq_audit')
    const zone = await owner.send(hqApi.stores.create, { name: 'North', timeZone: 'Mars/Olympus' })
    expect(zone.status).toBe(400)
    expect(zone.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'timeZone',
      key: 'errors.validation.timeZoneExample',
      params: { example: 'Asia/Shanghai' }
    })
    const empty = await owner.send(hqApi.stores.create, { name: '', timeZone: 'Asia/Shanghai' })
    expect(empty.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
      key: 'errors.validation.empty'
    })
    const long = await owner.send(hqApi.stores.create, { name: 'x'.repeat(500), timeZone: 'Asia/Shanghai' })
    expect(long.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
      key: 'errors.validation.tooLong',
      params: { maximum: '80' }
    })
    // A value of the wrong type is refused as that, not as missing (zod 4 leaves it out of its issue).
    const wrongType = await owner.send(hqApi.stores.create, {
      name: 7,
      timeZone: 'Asia/Shanghai'
    } as never)
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.error).toMatchObject({ field: 'name', key: 'errors.validation.notAString' })
    await owner.call(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    const twice = await owner.send(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    expect(twice.body.error).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
      key: 'errors.hq.stores.nameTaken'
    })
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM stores')).toBe(1)
    // One audit row: the store that was made, in its transaction.
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM hq_audit')).toBe(before + 1)
    expect(await count(hq, "SELECT COUNT(*) AS n FROM hq_audit WHERE action = 'stores.create'")).toBe(1)
  })

  it('refuses requests from other sites: foreign Origin, cross-site fetch, no call header, unknown Host, framed page', async () => {
    const { hq, owner } = await setUp(kind)
    const input = { name: 'North', timeZone: 'Asia/Shanghai' }
    const refusals = [
      await owner.send(hqApi.stores.create, input, { origin: 'http://evil.example' }),
      await owner.send(hqApi.stores.create, input, { 'sec-fetch-site': 'cross-site' }),
      await owner.send(hqApi.stores.create, input, { 'x-kassa-hq': '' })
    ]
    for (const refusal of refusals) {
      expect(refusal.status).toBe(403)
      expect(refusal.body.error?.key).toBe('errors.hq.auth.foreign')
    }
    const rebound = await rawGet(hq.port, '/api/v1/stores', {
      host: `evil.example:${hq.port}`,
      'x-kassa-hq': '1',
      cookie: owner.cookie!
    })
    expect(rebound.status).toBe(403)
    const framed = await rawGet(hq.port, '/', { host: `127.0.0.1:${hq.port}`, 'sec-fetch-dest': 'iframe' })
    expect(framed.status).toBe(403)
    expect(framed.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM stores')).toBe(0)
  })

  it('lets the owner reset a password, unlock, change role and stores, and remove a user — audited, never the last owner', async () => {
    const { hq, owner, logged } = await setUp(kind)
    const north = await owner.call(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    const south = await owner.call(hqApi.stores.create, { name: 'South', timeZone: 'Asia/Shanghai' })
    const mia = await owner.call(hqApi.auth.createUser, {
      name: 'Mia',
      password: OTHER_PASSWORD,
      role: 'manager',
      storeIds: [north.id]
    })
    // Five wrong passwords lock Mia out; the owner sees it and lifts it.
    for (let i = 0; i < 5; i++)
      await new HqWebClient(hq.url).send(hqApi.auth.login, { name: 'Mia', password: `wrong-guess-${i}` })
    const locked = await new HqWebClient(hq.url).send(hqApi.auth.login, {
      name: 'Mia',
      password: OTHER_PASSWORD
    })
    expect(locked.body.error?.code).toBe('LOCKED')
    expect((await owner.call(hqApi.auth.listUsers, {})).users.find((u) => u.name === 'Mia')).toMatchObject({
      locked: true
    })
    expect(await owner.call(hqApi.auth.unlockUser, { id: mia.id })).toMatchObject({ locked: false })
    const miaSession = await signIn(hq, 'Mia', OTHER_PASSWORD)

    // Stores and role change at once; the change shows in her next request.
    const moved = await owner.call(hqApi.auth.updateUser, {
      id: mia.id,
      role: 'manager',
      storeIds: [south.id]
    })
    expect(moved.storeIds).toEqual([south.id])
    expect((await miaSession.call(hqApi.stores.list, {})).stores.map((s) => s.name)).toEqual(['South'])
    const noStore = await owner.send(hqApi.auth.updateUser, { id: mia.id, role: 'manager', storeIds: [] })
    expect(noStore.body.error).toMatchObject({ field: 'storeIds', key: 'errors.hq.users.managerNeedsStore' })

    // A new password ends her sessions; the old one no longer works, the new one does.
    const NEW_PASSWORD = 'fresh-secret-2718'
    await owner.call(hqApi.auth.resetPassword, { id: mia.id, password: NEW_PASSWORD })
    expect((await miaSession.send(hqApi.stores.list, {})).status).toBe(401)
    const old = await new HqWebClient(hq.url).send(hqApi.auth.login, {
      name: 'Mia',
      password: OTHER_PASSWORD
    })
    expect(old.body.error?.code).toBe('UNAUTHENTICATED')
    const again = await signIn(hq, 'Mia', NEW_PASSWORD)

    // The last owner can be neither demoted nor deactivated; nothing is written when refused.
    const olga = (await owner.call(hqApi.auth.session, {})).user!
    const auditBefore = await count(hq, 'SELECT COUNT(*) AS n FROM hq_audit')
    const demote = await owner.send(hqApi.auth.updateUser, { id: olga.id, role: 'auditor', storeIds: [] })
    expect(demote.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'role',
      key: 'errors.hq.users.lastOwner'
    })
    const deactivateLast = await owner.send(hqApi.auth.deactivateUser, { id: olga.id })
    expect(deactivateLast.body.error).toMatchObject({ field: 'id', key: 'errors.hq.users.lastOwner' })
    expect(await count(hq, 'SELECT COUNT(*) AS n FROM hq_audit')).toBe(auditBefore)
    expect((await owner.call(hqApi.auth.session, {})).user).toMatchObject({ role: 'owner' })

    // Promoted to owner, Mia may take over; then the owner may deactivate Mia, whose session ends.
    // (Removal used to delete her; she now stays, deactivated, for the audit trail.)
    await owner.call(hqApi.auth.updateUser, { id: mia.id, role: 'owner', storeIds: [] })
    expect((await again.call(hqApi.auth.session, {})).user).toMatchObject({ role: 'owner', storeIds: [] })
    const deactivated = await owner.call(hqApi.auth.deactivateUser, { id: mia.id })
    expect(deactivated.deactivatedAt).toEqual(expect.any(String))
    // Her open page is told why, once; that session is then gone like any other.
    const told = await again.send(hqApi.stores.list, {})
    expect(told.status).toBe(401)
    expect(told.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      key: 'errors.hq.auth.sessionDeactivated'
    })
    expect((await again.send(hqApi.stores.list, {})).body.error?.key).toBe('errors.hq.auth.signedOut')
    const gone = await new HqWebClient(hq.url).send(hqApi.auth.login, { name: 'Mia', password: NEW_PASSWORD })
    expect(gone.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      field: 'name',
      key: 'errors.hq.auth.deactivated'
    })
    // A wrong password on a deactivated user says only "wrong": nothing is told to a guesser.
    const guess = await new HqWebClient(hq.url).send(hqApi.auth.login, {
      name: 'Mia',
      password: 'a-wrong-guess'
    })
    expect(guess.body.error?.key).toBe('errors.hq.auth.wrong')
    expect(
      (await owner.call(hqApi.auth.listUsers, {})).users.map((u) => [u.name, u.deactivatedAt !== null])
    ).toEqual([
      ['Mia', true],
      ['Olga', false]
    ])
    // Olga is now the only active owner: she cannot be deactivated, even with Mia still an owner.
    const lastActive = await owner.send(hqApi.auth.deactivateUser, { id: olga.id })
    expect(lastActive.body.error).toMatchObject({ field: 'id', key: 'errors.hq.users.lastOwner' })
    // Reactivated, Mia signs in again with her password; deactivated once more, she stays listed.
    await owner.call(hqApi.auth.reactivateUser, { id: mia.id })
    const back = await signIn(hq, 'Mia', NEW_PASSWORD)
    expect((await back.call(hqApi.auth.session, {})).user).toMatchObject({ name: 'Mia', deactivatedAt: null })
    // A session left from before a deactivation does not come back to life with a reactivation.
    await owner.call(hqApi.auth.deactivateUser, { id: mia.id })
    await owner.call(hqApi.auth.reactivateUser, { id: mia.id })
    const revived = await back.send(hqApi.stores.list, {})
    expect(revived.status).toBe(401)
    expect(revived.body.error?.key).toBe('errors.hq.auth.signedOut')
    const last = await signIn(hq, 'Mia', NEW_PASSWORD)
    await owner.call(hqApi.auth.deactivateUser, { id: mia.id })
    expect((await last.send(hqApi.stores.list, {})).status).toBe(401)
    const unknown = await owner.send(hqApi.auth.unlockUser, { id: '0193a000-0000-7000-8000-0000000000ff' })
    expect(unknown.body.error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
      key: 'errors.hq.users.unknown'
    })

    const actions = (
      await hq.db.query<{ action: string }>(
        "SELECT action FROM hq_audit WHERE action LIKE 'users.%' AND subject = ? ORDER BY at, action",
        [mia.id]
      )
    ).map((a) => a.action)
    expect([...actions].sort()).toEqual(
      [
        'users.create',
        'users.unlock',
        'users.update',
        'users.resetPassword',
        'users.update',
        'users.deactivate',
        'users.reactivate',
        'users.deactivate',
        'users.reactivate',
        'users.deactivate'
      ].sort()
    )
    const dump = JSON.stringify([await hq.db.query('SELECT * FROM hq_audit'), logged])
    for (const secret of [OTHER_PASSWORD, NEW_PASSWORD]) expect(dump).not.toContain(secret)
  })

  it('keeps every password out of the database, the audit and the log', async () => {
    const { hq, owner, logged } = await setUp(kind)
    await owner.call(hqApi.auth.createUser, {
      name: 'Abe',
      password: OTHER_PASSWORD,
      role: 'auditor',
      storeIds: []
    })
    await new HqWebClient(hq.url).send(hqApi.auth.login, { name: 'Abe', password: 'typo-of-the-password' })
    await new HqWebClient(hq.url).send(hqApi.auth.login, { name: OTHER_PASSWORD, password: OTHER_PASSWORD })
    await signIn(hq, 'Abe', OTHER_PASSWORD)
    const dump = JSON.stringify([
      await hq.db.query('SELECT * FROM hq_users'),
      await hq.db.query('SELECT * FROM hq_sessions'),
      await hq.db.query('SELECT * FROM hq_audit'),
      logged
    ])
    for (const secret of [OWNER_PASSWORD, OTHER_PASSWORD, 'typo-of-the-password'])
      expect(dump).not.toContain(secret)
    expect(dump).not.toContain(owner.cookie!.split('=')[1])
    expect(dump).toContain('scrypt$')
  })
})

describe.each(HQ_STORES)('kassa hq add-user (%s)', (kind) => {
  it('adds a user whose password comes from stdin, never the command line', async () => {
    const where = await hqLocation(kind)
    const db = where.databaseUrl ? ['--database-url', where.databaseUrl] : []
    const root = resolve(__dirname, '../../..')
    const run = (args: string[], input: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--',
          resolve(root, 'src/main/cli/kassa.ts'),
          'hq',
          '--data-dir',
          where.dataDir,
          ...db,
          ...args
        ],
        {
          cwd: root,
          encoding: 'utf8',
          input,
          env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.node.json') }
        }
      )
    const short = run(['add-user', '--name', 'Olga', '--role', 'owner'], 'short\n')
    expect(short.status).not.toBe(0)
    expect(short.stderr).toMatch(/stdin/)
    const made = run(['add-user', '--name', 'Olga', '--role', 'owner'], `${OWNER_PASSWORD}\n`)
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    const hq = await startTestHq(kind, where)
    const olga = await signIn(hq, 'Olga', OWNER_PASSWORD)
    expect((await olga.call(hqApi.auth.session, {})).user).toMatchObject({ name: 'Olga', role: 'owner' })
    expect(JSON.stringify(await hq.db.query('SELECT * FROM hq_audit'))).not.toContain(OWNER_PASSWORD)
  })
})

function rawGet(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}
