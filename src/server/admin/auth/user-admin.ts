import type { HqUser } from '@shared/hq-api/auth'
import type { HqRole } from '@shared/hq-api/route'
import type { SqlTx } from '../../db/types'
import { HqRefusal } from '../refusal'
import { userView, type UserRow } from './users-repo'

/**
 * The owner's changes to a user, each run inside the caller's transaction (with its audit entry).
 * Refusals: NOT_FOUND `errors.hq.users.unknown` on `id`; VALIDATION `errors.hq.users.lastOwner` on
 * `role` (or `id` for removal) when the change would leave no owner; VALIDATION
 * `errors.hq.users.managerNeedsStore` / `errors.hq.stores.unknown` on `storeIds`.
 */

async function userById(tx: SqlTx, id: string): Promise<UserRow> {
  const [row] = await tx.query<UserRow>('SELECT * FROM hq_users WHERE id = ?', [id])
  if (!row) throw new HqRefusal('NOT_FOUND', 'id: no such user', 'errors.hq.users.unknown', 'id')
  return row
}

/**
 * Refuses when `user` is an active owner and no other active owner exists (the head office would
 * be unrunnable: a deactivated owner cannot sign in).
 */
async function keepAnOwner(tx: SqlTx, user: UserRow, field: string): Promise<void> {
  if (user.role !== 'owner' || user.deactivated_at) return
  const [row] = await tx.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM hq_users WHERE role = 'owner' AND deactivated_at IS NULL AND id <> ?",
    [user.id]
  )
  if (Number(row!.n) === 0)
    throw new HqRefusal(
      'VALIDATION',
      `${field}: the head office needs at least one owner`,
      'errors.hq.users.lastOwner',
      field
    )
}

/** Ends every session of `userId` (they must sign in again, or cannot). */
async function endSessions(tx: SqlTx, userId: string): Promise<void> {
  await tx.run('DELETE FROM hq_sessions WHERE user_id = ?', [userId])
}

/** Sets role and stores (a manager's at least one, each existing); returns the user as now. */
export async function changeRole(
  tx: SqlTx,
  id: string,
  role: HqRole,
  storeIds: readonly string[]
): Promise<{ before: HqUser; after: HqUser }> {
  const row = await userById(tx, id)
  const before = await userView(tx, row)
  if (role !== 'owner') await keepAnOwner(tx, row, 'role')
  const stores = role === 'manager' ? [...new Set(storeIds)] : []
  if (role === 'manager' && stores.length === 0)
    throw new HqRefusal(
      'VALIDATION',
      'storeIds: a manager runs at least one store',
      'errors.hq.users.managerNeedsStore',
      'storeIds'
    )
  for (const storeId of stores) {
    const [store] = await tx.query('SELECT id FROM stores WHERE id = ?', [storeId])
    if (!store)
      throw new HqRefusal('VALIDATION', 'storeIds: no such store', 'errors.hq.stores.unknown', 'storeIds')
  }
  await tx.run('UPDATE hq_users SET role = ? WHERE id = ?', [role, id])
  await tx.run('DELETE FROM hq_user_stores WHERE user_id = ?', [id])
  for (const storeId of stores)
    await tx.run('INSERT INTO hq_user_stores (user_id, store_id) VALUES (?, ?)', [id, storeId])
  return { before, after: await userView(tx, { ...row, role }) }
}

/** Stores a new hash, lifts any lock-out and ends the user's sessions. */
export async function setPassword(tx: SqlTx, id: string, passwordHash: string): Promise<HqUser> {
  const row = await userById(tx, id)
  await tx.run(
    'UPDATE hq_users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
    [passwordHash, id]
  )
  await endSessions(tx, id)
  return { ...(await userView(tx, row)), locked: false }
}

/** Lifts a lock-out and clears the count of wrong passwords. */
export async function unlock(tx: SqlTx, id: string): Promise<HqUser> {
  const row = await userById(tx, id)
  await tx.run('UPDATE hq_users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [id])
  return { ...(await userView(tx, row)), locked: false }
}

/**
 * Deactivates the user at `now`: their sessions end and they cannot sign in, but the row (and
 * their stores) stay, so the audit trail names them and the owner can reactivate them. Not the
 * last active owner. Deactivating a deactivated user changes nothing (keeps the first time).
 */
export async function deactivate(tx: SqlTx, id: string, now: Date): Promise<HqUser> {
  const row = await userById(tx, id)
  await keepAnOwner(tx, row, 'id')
  const at = row.deactivated_at ?? now.toISOString()
  await tx.run('UPDATE hq_users SET deactivated_at = ? WHERE id = ?', [at, id])
  // Their sessions stay, refused from now on (`sessionUser`), so their open page is told why;
  // reactivation ends them, so none comes back to life.
  return userView(tx, { ...row, deactivated_at: at })
}

/** Lets a deactivated user sign in again; their lock-out count starts afresh. */
export async function reactivate(tx: SqlTx, id: string): Promise<HqUser> {
  const row = await userById(tx, id)
  await tx.run(
    'UPDATE hq_users SET deactivated_at = NULL, failed_attempts = 0, locked_until = NULL WHERE id = ?',
    [id]
  )
  await endSessions(tx, id)
  return { ...(await userView(tx, { ...row, deactivated_at: null })), locked: false }
}
