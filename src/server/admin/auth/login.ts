import { oneAtATimePerKey } from '@shared/one-at-a-time'
import { burnVerify, verifySecret } from '../../../main/services/secret-hash'
import type { HqDatabase } from '../../db/types'
import { HqRefusal } from '../refusal'
import { writeAudit } from './audit'
import { userByName, type UserRow } from './users-repo'

/** Misses in a row that lock a user out, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60_000

/**
 * Guesses in flight per user name. Checking the lock, running the slow hash and counting the miss
 * must be one step, or 64 guesses sent at once all see "not locked" (the till's issue 11): so
 * attempts on one name run one after another here, as the till's `checkCredential` does. Each
 * re-reads the user when its turn comes; the miss is counted with an atomic increment, so two head
 * offices on one PostgreSQL still count every miss.
 */
const oneAtATime = oneAtATimePerKey()

const wrong = () =>
  new HqRefusal(
    'UNAUTHENTICATED',
    'password: the name or password is wrong',
    'errors.hq.auth.wrong',
    'password'
  )

/**
 * Checks a name and password. A locked-out user is refused (LOCKED on `name`, params `minutes`)
 * without the password being looked at; every miss is counted and audited (never what was typed),
 * and the miss that reaches `MAX_FAILED_LOGINS` locks the user for `LOCKOUT_MS`. A hit resets
 * the count. An unknown name costs the same hash time and gets the same answer as a wrong password.
 * A deactivated user with the right password is refused UNAUTHENTICATED `errors.hq.auth.deactivated`
 * on `name` (audited).
 */
export function checkLogin(
  db: HqDatabase,
  now: () => Date,
  name: string,
  password: string
): Promise<UserRow> {
  return oneAtATime(name, async () => {
    const user = await userByName(db, name)
    if (!user) {
      await burnVerify(password)
      // What was typed as the name may be a password typed into the wrong field: not recorded.
      await db.transaction((tx) =>
        writeAudit(tx, null, now(), { action: 'auth.failed', details: { reason: 'unknown name' } })
      )
      throw wrong()
    }
    const at = now()
    if (user.locked_until && Date.parse(user.locked_until) > at.getTime()) {
      await db.transaction((tx) =>
        writeAudit(tx, user.id, at, {
          action: 'auth.refused',
          subject: user.id,
          details: { reason: 'locked out' }
        })
      )
      const minutes = Math.ceil((Date.parse(user.locked_until) - at.getTime()) / 60_000)
      throw new HqRefusal(
        'LOCKED',
        `name: too many wrong passwords; try again in ${minutes} min`,
        'errors.hq.auth.locked',
        'name',
        { minutes }
      )
    }
    if (await verifySecret(password, user.password_hash)) {
      // Only after the right password: a guesser learns nothing about the account.
      if (user.deactivated_at) {
        await db.transaction((tx) =>
          writeAudit(tx, user.id, at, {
            action: 'auth.refused',
            subject: user.id,
            details: { reason: 'deactivated' }
          })
        )
        throw new HqRefusal(
          'UNAUTHENTICATED',
          'name: this user was deactivated by the owner',
          'errors.hq.auth.deactivated',
          'name'
        )
      }
      if (user.failed_attempts > 0 || user.locked_until)
        await db.run('UPDATE hq_users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [user.id])
      return user
    }
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ failed_attempts: number }>(
        'UPDATE hq_users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
        [user.id]
      )
      const attempts = Number(row!.failed_attempts)
      await writeAudit(tx, user.id, at, { action: 'auth.failed', subject: user.id, details: { attempts } })
      if (attempts >= MAX_FAILED_LOGINS) {
        const until = new Date(at.getTime() + LOCKOUT_MS).toISOString()
        await tx.run('UPDATE hq_users SET failed_attempts = 0, locked_until = ? WHERE id = ?', [
          until,
          user.id
        ])
        await writeAudit(tx, user.id, at, { action: 'auth.lockedOut', subject: user.id, details: { until } })
      }
    })
    throw wrong()
  })
}
