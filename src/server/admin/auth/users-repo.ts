import { randomUUID } from 'node:crypto'
import type { HqUser } from '@shared/hq-api/auth'
import type { HqRole } from '@shared/hq-api/route'
import type { HqDatabase, SqlTx } from '../../db/types'
import { HqRefusal } from '../refusal'

export interface UserRow {
  id: string
  name: string
  role: HqRole
  password_hash: string
  failed_attempts: number
  locked_until: string | null
  created_at: string
  /** Set while deactivated (migration 0018). */
  deactivated_at: string | null
}

type Reader = Pick<HqDatabase, 'query'> | SqlTx

/** A user as the API shows them (never the hash), with the stores a manager runs. */
export async function userView(
  db: Reader,
  row: Pick<UserRow, 'id' | 'name' | 'role' | 'created_at'> & { deactivated_at?: string | null }
): Promise<HqUser> {
  const stores = await db.query<{ store_id: string }>(
    'SELECT store_id FROM hq_user_stores WHERE user_id = ? ORDER BY store_id',
    [row.id]
  )
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    storeIds: stores.map((s) => s.store_id),
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at ?? null
  }
}

export async function userByName(db: Reader, name: string): Promise<UserRow | null> {
  const [row] = await db.query<UserRow>('SELECT * FROM hq_users WHERE name = ?', [name])
  return row ? { ...row, failed_attempts: Number(row.failed_attempts) } : null
}

export async function countUsers(db: Reader): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM hq_users')
  return Number(row!.n)
}

export interface NewUser {
  name: string
  /** `hashSecret(password)`, computed before the transaction (it takes ~100 ms). */
  passwordHash: string
  role: HqRole
  /** A manager's stores (at least one); ignored for owner and auditor, who see every store. */
  storeIds: readonly string[]
}

/**
 * Creates a user in `tx` with the scrypt hash of their password. Refuses CONFLICT on `name` when taken,
 * VALIDATION on `storeIds` when a manager has none or one is unknown.
 */
export async function insertUser(tx: SqlTx, user: NewUser, now: Date): Promise<HqUser> {
  if (await userByName(tx, user.name))
    throw new HqRefusal('CONFLICT', 'name: a user of that name exists', 'errors.hq.users.nameTaken', 'name')
  const storeIds = user.role === 'manager' ? [...new Set(user.storeIds)] : []
  if (user.role === 'manager' && storeIds.length === 0)
    throw new HqRefusal(
      'VALIDATION',
      'storeIds: a manager runs at least one store',
      'errors.hq.users.managerNeedsStore',
      'storeIds'
    )
  for (const storeId of storeIds) {
    const [store] = await tx.query('SELECT id FROM stores WHERE id = ?', [storeId])
    if (!store)
      throw new HqRefusal('VALIDATION', 'storeIds: no such store', 'errors.hq.stores.unknown', 'storeIds')
  }
  const row = {
    id: randomUUID(),
    name: user.name,
    role: user.role,
    created_at: now.toISOString()
  }
  await tx.run(
    'INSERT INTO hq_users (id, name, role, password_hash, failed_attempts, created_at) VALUES (?, ?, ?, ?, 0, ?)',
    [row.id, row.name, row.role, user.passwordHash, row.created_at]
  )
  for (const storeId of storeIds)
    await tx.run('INSERT INTO hq_user_stores (user_id, store_id) VALUES (?, ?)', [row.id, storeId])
  return userView(tx, row)
}
