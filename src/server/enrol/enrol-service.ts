import { createHash, randomInt, randomUUID } from 'node:crypto'
import {
  ENROL_CODE_PATTERN,
  ENROL_CODE_TTL_MS,
  normaliseEnrolCode,
  type EnrolAnswer,
  type EnrolRequest
} from '@shared/sync/protocol'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx } from '../db/types'
import { SyncRefusal } from '../errors'
import { rebalanceAllotments } from '../pull/allotments'
import { createRevisionRow, publishInTx } from '../pull/master-data'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

const codeHash = (code: string) => createHash('sha256').update(`kassa-enrol:${code}`).digest('hex')

export interface StoreRow {
  id: string
  name: string
  time_zone: string
}

/** The head office's own zone: the default for a new store. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/**
 * The store called `name`, created if new (with its revision row and its settings record, which
 * tills pull: an enrolled till's master data belongs to the head office, local edits off).
 */
export async function ensureStore(
  tx: SqlTx,
  clock: HqClock,
  name: string,
  options: { timeZone?: string; currency?: string } = {}
): Promise<StoreRow> {
  const [existing] = await tx.query<StoreRow>('SELECT id, name, time_zone FROM stores WHERE name = ?', [name])
  if (existing) return existing
  const store: StoreRow = { id: randomUUID(), name, time_zone: options.timeZone ?? localZone() }
  await tx.run('INSERT INTO stores (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)', [
    store.id,
    store.name,
    store.time_zone,
    clock.now().toISOString()
  ])
  await createRevisionRow(tx, store.id)
  await publishInTx(tx, store.id, [
    {
      entity: 'settings',
      id: 'store',
      op: 'put',
      data: {
        storeName: name,
        currency: options.currency ?? 'CNY',
        locale: 'zh-CN',
        rounding: 'half-up',
        taxMode: 'inclusive',
        cashIncrement: null,
        localEdits: { catalog: false, coupons: false, staff: false }
      }
    }
  ])
  return store
}

/**
 * A one-time enrolment code for the store `storeName` (created if new): 8 Crockford base32
 * characters shown as `ABCD-EFGH`, valid 10 minutes, used once. Only its hash is stored.
 */
export async function createEnrolCode(
  db: HqDatabase,
  clock: HqClock,
  storeName: string,
  /** Runs in the code's transaction (the web app's audit entry), given the store and expiry. */
  inTx: (tx: SqlTx, issued: { storeId: string; expiresAt: string }) => Promise<void> = async () => undefined
): Promise<{ code: string; storeId: string; expiresAt: string }> {
  let code = ''
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(32)]
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + ENROL_CODE_TTL_MS).toISOString()
  const store = await db.transaction(async (tx) => {
    const store = await ensureStore(tx, clock, storeName)
    await tx.run(
      'INSERT INTO enrol_codes (code_hash, store_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [codeHash(code), store.id, now.toISOString(), expiresAt]
    )
    await inTx(tx, { storeId: store.id, expiresAt })
    return store
  })
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, storeId: store.id, expiresAt }
}

/**
 * Enrols a till: spends the code (ENROL_CODE_INVALID when unknown or used, ENROL_CODE_EXPIRED),
 * binds the public key and gives the till its id and the next till code (`T01`, `T02` … across the
 * head office).
 *
 * A key this head office already knows is a till enrolling again (it un-enrolled and kept its key
 * pair, `src/main/sync/enrol-till.ts`): the request is signed with that key (checked by the route
 * before this runs), which proves it is that till, and the fresh one-time code proves the owner lets
 * it back in. It continues as the same till — same id and code, same key — and is told the highest
 * contiguous seq held for it, where its push resumes: nothing it rang up is stored twice. Refused,
 * writing nothing and leaving the code unspent: REVOKED when the till was revoked here,
 * STORE_MISMATCH when the code is for another store than the till's (a till's events, days and
 * seqs belong to one store; moving it is a new till on a fresh data dir).
 */
export async function enrolTill(
  db: HqDatabase,
  clock: HqClock,
  request: EnrolRequest,
  onPublished: (storeId: string) => void = () => undefined
): Promise<EnrolAnswer> {
  const code = normaliseEnrolCode(request.code)
  if (!ENROL_CODE_PATTERN.test(code))
    throw new SyncRefusal('ENROL_CODE_INVALID', 'this enrolment code is not valid', { field: 'code' })
  const now = clock.now()
  let published = false
  const answer = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ store_id: string; expires_at: string; used_at: string | null }>(
      'SELECT store_id, expires_at, used_at FROM enrol_codes WHERE code_hash = ? FOR UPDATE',
      [codeHash(code)]
    )
    if (!row || row.used_at) {
      throw new SyncRefusal('ENROL_CODE_INVALID', 'this enrolment code is unknown or was already used', {
        field: 'code'
      })
    }
    if (Date.parse(row.expires_at) < now.getTime()) {
      throw new SyncRefusal(
        'ENROL_CODE_EXPIRED',
        'this enrolment code has expired: ask the head office for a new one',
        {
          field: 'code'
        }
      )
    }
    const [known] = await tx.query<KnownTill>(
      'SELECT id, store_id, code, status, high_seq FROM tills WHERE public_key = ? FOR UPDATE',
      [request.publicKey]
    )
    if (known) return reenrol(tx, known, row.store_id, code, request, now)
    const [counter] = await tx.query<{ value: number }>(
      "UPDATE counters SET value = value + 1 WHERE name = 'till_code' RETURNING value"
    )
    const tillCode = `T${String(counter!.value).padStart(2, '0')}`
    const tillId = randomUUID()
    await tx.run(
      `INSERT INTO tills (id, store_id, code, public_key, label, app_version, status, enrolled_at)
       VALUES (?, ?, ?, ?, ?, ?, 'active', ?)`,
      [
        tillId,
        row.store_id,
        tillCode,
        request.publicKey,
        request.label ?? null,
        request.appVersion,
        now.toISOString()
      ]
    )
    await tx.run('UPDATE enrol_codes SET used_at = ?, till_id = ? WHERE code_hash = ?', [
      now.toISOString(),
      tillId,
      codeHash(code)
    ])
    // The new till's coupon allotments; the store's other tills learn of it on their next pull.
    published = await rebalanceAllotments(tx, row.store_id, now)
    const [store] = await tx.query<{ name: string }>('SELECT name FROM stores WHERE id = ?', [row.store_id])
    return { tillId, storeId: row.store_id, storeName: store!.name, tillCode, serverTime: now.toISOString() }
  })
  if (published) onPublished(answer.storeId)
  return answer
}

interface KnownTill {
  id: string
  store_id: string
  code: string
  status: string
  high_seq: number | string
}

/** The till `known` enrolling again with the code `code` for `codeStoreId` (see `enrolTill`). */
async function reenrol(
  tx: SqlTx,
  known: KnownTill,
  codeStoreId: string,
  code: string,
  request: EnrolRequest,
  now: Date
): Promise<EnrolAnswer> {
  if (known.status === 'revoked')
    throw new SyncRefusal(
      'REVOKED',
      `this till was ${known.code} here and was revoked at the head office: it cannot enrol again`
    )
  const stores = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM stores WHERE id IN (?, ?)',
    [known.store_id, codeStoreId]
  )
  const nameOf = (id: string) => stores.find((s) => s.id === id)?.name ?? id
  if (known.store_id !== codeStoreId)
    throw new SyncRefusal(
      'STORE_MISMATCH',
      `this till is ${known.code} of ${nameOf(known.store_id)}; this code is for ${nameOf(codeStoreId)}: ask for a code for ${nameOf(known.store_id)}`,
      { field: 'code' }
    )
  await tx.run('UPDATE tills SET app_version = ? WHERE id = ?', [request.appVersion, known.id])
  await tx.run('UPDATE enrol_codes SET used_at = ?, till_id = ? WHERE code_hash = ?', [
    now.toISOString(),
    known.id,
    codeHash(code)
  ])
  return {
    tillId: known.id,
    storeId: known.store_id,
    storeName: nameOf(known.store_id),
    tillCode: known.code,
    serverTime: now.toISOString(),
    reenrolled: true,
    highestContiguousSeq: Number(known.high_seq)
  }
}

/** Revokes a till: every request it signs from now on is refused with REVOKED. */
export async function revokeTill(db: HqDatabase, clock: HqClock, tillId: string): Promise<boolean> {
  const changed = await db.run(
    "UPDATE tills SET status = 'revoked', revoked_at = ? WHERE id = ? AND status = 'active'",
    [clock.now().toISOString(), tillId]
  )
  return changed > 0
}
