import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  InvokeOptions,
  NewUser,
  Result,
  Role
} from '@shared/contract'
import { manualClock, type Clock } from '../../src/main/core/clock'
import { createCore, type Core, type CoreOptions } from '../../src/main/app/create-core'
import { silentLogger } from '../../src/main/core/logger'
import type { HashParams } from '../../src/main/services/secret-hash'

/** scrypt at a test's cost: the same code path, a hundred times cheaper than the till's. */
export const TEST_HASH_PARAMS: HashParams = { N: 1024, r: 8, p: 1 }

export const OWNER = {
  displayName: 'Owner Wang',
  username: 'owner',
  password: 'owner-pass-1',
  pin: '1234'
} as const

/** One person per role, with passwords and PINs the tests can type. */
export const STAFF: Record<Exclude<Role, 'owner'>, NewUser> = {
  cashier: {
    displayName: 'Cashier Li',
    username: 'cashier',
    role: 'cashier',
    password: 'cashier-pass-1',
    pin: '2222'
  },
  manager: {
    displayName: 'Manager Zhao',
    username: 'manager',
    role: 'manager',
    password: 'manager-pass-1',
    pin: '3333'
  }
}

let sessionCounter = 0

/** Opens a session on the core, as a window or page load would. */
export function openSession(core: Core): string {
  const id = `test-session-${++sessionCounter}`
  core.sessions.open(id, core.clock.now())
  return id
}

/** Calls a channel through the real router; throws with the API error when it is refused. */
export async function callOk<C extends ChannelName>(
  core: Core,
  sessionId: string,
  channel: C,
  input: ChannelInput<C>,
  options?: InvokeOptions
): Promise<ChannelOutput<C>> {
  const result = (await core.router.dispatch(channel, input, { sessionId }, options)) as Result<
    ChannelOutput<C>
  >
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message}`)
  return result.value
}

/**
 * Completes the first-run set-up (demo store profile, owner `OWNER`) on a fresh core and
 * returns a session logged in as the owner (`sessionId` if given, e.g. createTestCore's).
 * Foundation tests call this before anything that needs a logged-in user.
 */
export async function setupOwner(core: Core, sessionId: string = openSession(core)): Promise<string> {
  if (!core.sessions.get(sessionId)) core.sessions.open(sessionId, core.clock.now())
  const status = await callOk(core, sessionId, 'auth:status', {})
  if (!status.setupRequired) throw new Error('setupOwner: set-up is already done')
  await callOk(core, sessionId, 'auth:setup', { profile: status.setupProfile!, owner: OWNER })
  return sessionId
}

/**
 * Binds `sessionId` to the owner: runs the first-run set-up on a fresh file, or logs the
 * owner in on one that has had it (e.g. a test that reopens its data dir).
 */
export async function signInOwner(core: Core, sessionId: string): Promise<string> {
  if (!core.sessions.get(sessionId)) core.sessions.open(sessionId, core.clock.now())
  const status = await callOk(core, sessionId, 'auth:status', {})
  if (status.setupRequired) return setupOwner(core, sessionId)
  await callOk(core, sessionId, 'auth:login', { username: OWNER.username, password: OWNER.password })
  return sessionId
}

/** A new session logged in with username and password. */
export async function loginAs(core: Core, username: string, password: string): Promise<string> {
  const sessionId = openSession(core)
  await callOk(core, sessionId, 'auth:login', { username, password })
  return sessionId
}

/** Adds the cashier and the manager of `STAFF` (as the owner). */
export async function addStaff(core: Core, ownerSession: string): Promise<void> {
  for (const user of Object.values(STAFF)) await callOk(core, ownerSession, 'users:create', user)
}

export interface TestCore {
  core: Core
  dataDir: string
  clock: Clock & { advance(ms: number): void; set(at: Date | string): void }
  /** Closes the database, keeping the files (to open them another way, or again). */
  stop(): void
  /** Closes the database and removes the temp dir (unless the caller gave the dir). */
  close(): void
}

/** A core over a fresh SQLite file in a temp dir, with a hand-moved clock. */
export async function openTestCore(
  options: { dataDir?: string; start?: string; payments?: CoreOptions['payments'] } = {}
): Promise<TestCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kassa-accounts-'))
  const clock = manualClock(options.start ?? '2025-03-01T09:00:00.000Z')
  const core = await createCore({
    dataDir,
    mode: 'web',
    version: 'test',
    clock,
    logger: silentLogger,
    hashParams: TEST_HASH_PARAMS,
    ...(options.payments ? { payments: options.payments } : {})
  })
  let stopped = false
  const stop = (): void => {
    if (!stopped) core.close()
    stopped = true
  }
  return {
    core,
    dataDir,
    clock,
    stop,
    close: () => {
      stop()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
