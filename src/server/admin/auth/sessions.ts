import { createHash, randomBytes } from 'node:crypto'
import type { HqUser } from '@shared/hq-api/auth'
import type { HqDatabase, SqlTx } from '../../db/types'
import { HqRefusal } from '../refusal'
import { userView, type UserRow } from './users-repo'

/** The session cookie: HttpOnly, SameSite=Strict, path `/`; its value is a 256-bit random token. */
export const SESSION_COOKIE = 'kassa_hq_session'
/** A session unused this long is over (the person signs in again). */
export const DEFAULT_IDLE_MS = 30 * 60_000
/** last_seen_at is written at most this often per session: reads should not all be writes. */
const TOUCH_EVERY_MS = 60_000

/** Only the token's hash is stored: a copy of the database opens no session. */
const tokenHash = (token: string) => createHash('sha256').update(`kassa-hq-session:${token}`).digest('hex')

/** Opens a session for `userId` in `tx`; returns the token for the cookie. */
export async function openSession(tx: SqlTx, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await tx.run(
    'INSERT INTO hq_sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    [tokenHash(token), userId, now.toISOString(), now.toISOString()]
  )
  return token
}

export async function closeSession(db: HqDatabase | SqlTx, token: string): Promise<void> {
  await db.run('DELETE FROM hq_sessions WHERE token_hash = ?', [tokenHash(token)])
}

/**
 * The user signed in with `token`, or a refusal: UNAUTHENTICATED `errors.hq.auth.signedOut` without
 * a live session, `errors.hq.auth.sessionDeactivated` when its user was deactivated (and it is
 * deleted), `errors.hq.auth.sessionExpired` when it was idle longer than `idleMs` (and it is
 * deleted). Marks the session used.
 */
export async function sessionUser(
  db: HqDatabase,
  token: string | undefined,
  now: Date,
  idleMs: number
): Promise<HqUser> {
  const signedOut = new HqRefusal('UNAUTHENTICATED', 'sign in first', 'errors.hq.auth.signedOut')
  if (!token) throw signedOut
  const hash = tokenHash(token)
  const [row] = await db.query<UserRow & { last_seen_at: string }>(
    `SELECT u.id, u.name, u.role, u.created_at, u.deactivated_at, s.last_seen_at FROM hq_sessions s
     JOIN hq_users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    [hash]
  )
  if (!row) throw signedOut
  // Deactivation leaves the sessions so that the next request can say why it is refused (not
  // "signed out in another tab"); the session ends here, on that request.
  if (row.deactivated_at) {
    await db.run('DELETE FROM hq_sessions WHERE token_hash = ?', [hash])
    throw new HqRefusal(
      'UNAUTHENTICATED',
      'this account has been deactivated; ask the owner',
      'errors.hq.auth.sessionDeactivated'
    )
  }
  const idle = now.getTime() - Date.parse(row.last_seen_at)
  if (idle > idleMs) {
    await db.run('DELETE FROM hq_sessions WHERE token_hash = ?', [hash])
    throw new HqRefusal(
      'UNAUTHENTICATED',
      'the session expired: sign in again',
      'errors.hq.auth.sessionExpired'
    )
  }
  if (idle > TOUCH_EVERY_MS)
    await db.run('UPDATE hq_sessions SET last_seen_at = ? WHERE token_hash = ?', [now.toISOString(), hash])
  return userView(db, row)
}
