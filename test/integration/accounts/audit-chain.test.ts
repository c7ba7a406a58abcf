import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { auditHash, createAuditRepo } from '../../../src/main/store/repos/audit-repo'
import { verifyAuditChain } from '../../../src/main/services/audit-verify'
import {
  OWNER,
  STAFF,
  addStaff,
  callOk,
  loginAs,
  openSession,
  openTestCore,
  setupOwner,
  type TestCore
} from '../../support/accounts'

const open: TestCore[] = []
afterEach(() => {
  for (const t of open.splice(0)) t.close()
})

/** A shop with a few dozen audit entries: set-up, staff, logins, a lock, a failed login. */
async function shopWithHistory(): Promise<TestCore> {
  const t = await openTestCore()
  open.push(t)
  const owner = await setupOwner(t.core)
  await addStaff(t.core, owner)
  const cashier = await loginAs(t.core, 'cashier', STAFF.cashier.password)
  await callOk(t.core, cashier, 'auth:lock', {})
  await callOk(t.core, cashier, 'auth:unlock', { pin: STAFF.cashier.pin })
  await t.core.router.dispatch(
    'auth:login',
    { username: 'manager', password: 'wrong-pass' },
    { sessionId: openSession(t.core) }
  )
  await callOk(t.core, cashier, 'auth:logout', {})
  return t
}

/** Opens the file as an attacker would: a raw connection, the append-only triggers dropped. */
function tamper(t: TestCore, work: (db: Database) => void): void {
  t.stop()
  const db = new BetterSqlite3(join(t.dataDir, 'kassa.sqlite'))
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
    work(db)
  } finally {
    db.close()
  }
}

function verifyFile(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return verifyAuditChain(createAuditRepo(db).iterate())
  } finally {
    db.close()
  }
}

async function cli(dataDir: string) {
  let stdout = ''
  let stderr = ''
  const status = await runCli(['--data-dir', dataDir, 'audit', 'verify'], {
    stdin: noInput(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) }
  })
  return { status, stdout, stderr }
}

describe('the audit chain', () => {
  it('records who did what, with no secret in it', async () => {
    const t = await shopWithHistory()
    const actions = [...verifyFileEntries(t.dataDir)].map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.created',
        'settings.updated',
        'setup.completed',
        'auth.login',
        'auth.locked',
        'auth.unlocked',
        'auth.failed',
        'auth.logout'
      ])
    )
    const text = JSON.stringify([...verifyFileEntries(t.dataDir)])
    for (const secret of [
      OWNER.password,
      OWNER.pin,
      STAFF.cashier.password,
      STAFF.cashier.pin,
      'wrong-pass',
      'scrypt$'
    ]) {
      expect(text).not.toContain(secret)
    }
  })

  it('is intact after normal use, and `kassa audit verify` says so with exit 0', async () => {
    const t = await shopWithHistory()
    t.stop()
    const result = verifyFile(t.dataDir)
    expect(result).toMatchObject({ ok: true, brokenAtSeq: null })
    expect(result.entries).toBeGreaterThan(10)
    expect(await cli(t.dataDir)).toEqual({
      status: 0,
      stdout: `audit log intact: ${result.entries} entries\n`,
      stderr: ''
    })
  })

  it('detects a modified row and names it', async () => {
    const t = await shopWithHistory()
    tamper(t, (db) =>
      db
        .prepare(
          "UPDATE audit_log SET details = json_set(details, '$.username', 'someone-else') WHERE seq = 5"
        )
        .run()
    )
    expect(verifyFile(t.dataDir)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: 'entry 5 was changed after it was written'
    })
    const { status, stdout } = await cli(t.dataDir)
    expect(status).toBe(1)
    expect(stdout).toBe('audit log BROKEN at entry 5: entry 5 was changed after it was written\n')
  })

  it('detects a modified actor even when the attacker recomputes that row’s hash', async () => {
    const t = await shopWithHistory()
    tamper(t, (db) => {
      const entries = [...createAuditRepo(db).iterate()]
      const target = entries[3]!
      const forged = { ...target, actorUserId: 'someone-else' }
      db.prepare('UPDATE audit_log SET actor_user_id = ?, hash = ? WHERE seq = ?').run(
        'someone-else',
        auditHash(target.prevHash, forged),
        target.seq
      )
    })
    expect(verifyFile(t.dataDir)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: 'entry 5 does not chain to the entry before it'
    })
  })

  it('detects a deleted row', async () => {
    const t = await shopWithHistory()
    tamper(t, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 7').run())
    expect(verifyFile(t.dataDir)).toMatchObject({
      ok: false,
      brokenAtSeq: 8,
      reason: 'entry 8 follows entry 6: entries are missing'
    })
    expect((await cli(t.dataDir)).status).toBe(1)
  })

  it('detects an inserted row, even one that chains to the row before it', async () => {
    const t = await shopWithHistory()
    tamper(t, (db) => {
      const entries = [...createAuditRepo(db).iterate()]
      // Make room after entry 3 by renumbering the tail, then slip a forged login in.
      db.exec(
        'UPDATE audit_log SET seq = seq + 1000 WHERE seq > 3; UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000;'
      )
      const prev = entries[2]!
      const forged = {
        id: 'forged',
        at: prev.at,
        actorUserId: null,
        approverUserId: null,
        action: 'auth.login',
        subject: null,
        details: {}
      }
      db.prepare(
        `INSERT INTO audit_log (seq, id, at, actor_user_id, approver_user_id, action, subject, details, prev_hash, hash)
         VALUES (4, 'forged', ?, NULL, NULL, 'auth.login', NULL, '{}', ?, ?)`
      ).run(prev.at, prev.hash, auditHash(prev.hash, forged))
    })
    expect(verifyFile(t.dataDir)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: 'entry 5 does not chain to the entry before it'
    })
    expect((await cli(t.dataDir)).stdout).toContain('BROKEN at entry 5')
  })

  it('warns an owner who logs in after a start that found the chain broken, and nobody else', async () => {
    const t = await shopWithHistory()
    tamper(t, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 7').run())
    const reopened = await openTestCore({ dataDir: t.dataDir })
    open.unshift(reopened) // closed before `t` removes the dir
    const owner = await loginAs(reopened.core, 'owner', OWNER.password)
    const status = await callOk(reopened.core, owner, 'auth:status', {})
    expect(status.auditWarning).toMatchObject({ ok: false, brokenAtSeq: 8 })
    const cashier = await loginAs(reopened.core, 'cashier', STAFF.cashier.password)
    expect((await callOk(reopened.core, cashier, 'auth:status', {})).auditWarning).toBeNull()
  })

  it('refuses `audit verify` without a data directory, as a usage error', async () => {
    let stderr = ''
    const status = await runCli(['audit', 'verify'], {
      stdin: noInput(),
      stdout: { write: () => 0 },
      stderr: { write: (text: string) => (stderr += text) }
    })
    expect(status).toBe(2)
    expect(stderr).toMatch(/^error: audit verify needs --data-dir/)
  })
})

function* verifyFileEntries(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    yield* createAuditRepo(db).iterate()
  } finally {
    db.close()
  }
}

async function* noInput(): AsyncGenerator<string> {}
