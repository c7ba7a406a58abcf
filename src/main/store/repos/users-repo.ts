import type { Database } from 'better-sqlite3'
import type { Role } from '@shared/contract'
import { noReadCache, type ReadCache } from '../read-cache'

/** A user row as main sees it, hashes included; never sent to the renderer as is. */
export interface UserRecord {
  id: string
  username: string
  displayName: string
  role: Role
  passwordHash: string
  pinHash: string
  active: boolean
  failedAttempts: number
  lockedUntil: string | null
  createdAt: string
  updatedAt: string
}

interface UserRow {
  id: string
  username: string
  display_name: string
  role: string
  password_hash: string
  pin_hash: string
  active: number
  failed_attempts: number
  locked_until: string | null
  created_at: string
  updated_at: string
}

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    pinHash: row.pin_hash,
    active: row.active === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** The till's people. `get` (the role gate's read on every call) is kept in `cache` until a users row is written. */
export function createUsersRepo(db: Database, cache: ReadCache = noReadCache) {
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?')
  const byUsername = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?')
  const all = db.prepare<[], UserRow>(
    'SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE, username'
  )
  const activeOwners = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'owner' AND active = 1"
  )
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users')
  const insert = db.prepare(`
    INSERT INTO users (id, username, display_name, role, password_hash, pin_hash, active, failed_attempts,
                       locked_until, created_at, updated_at)
    VALUES (@id, @username, @displayName, @role, @passwordHash, @pinHash, @active, 0, NULL, @createdAt, @updatedAt)
  `)
  const update = db.prepare(`
    UPDATE users SET username = @username, display_name = @displayName, role = @role,
      password_hash = @passwordHash, pin_hash = @pinHash, active = @active, updated_at = @updatedAt
    WHERE id = @id
  `)
  const setAttempts = db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
  const selectSetup = db.prepare<[], { completed_at: string }>(
    'SELECT completed_at FROM setup_state WHERE id = 1'
  )
  const insertSetup = db.prepare('INSERT INTO setup_state (id, completed_at, owner_user_id) VALUES (1, ?, ?)')

  return {
    get: (id: string): UserRecord | null =>
      cache.memo(`user:${id}`, () => {
        const row = byId.get(id)
        return row ? fromRow(row) : null
      }),
    /** Case-insensitive. */
    findByUsername: (username: string): UserRecord | null => {
      const row = byUsername.get(username)
      return row ? fromRow(row) : null
    },
    list: (): UserRecord[] => all.all().map(fromRow),
    count: (): number => count.get()!.n,
    activeOwnerCount: (): number => activeOwners.get()!.n,
    insert(user: Omit<UserRecord, 'failedAttempts' | 'lockedUntil'>): void {
      insert.run({ ...user, active: user.active ? 1 : 0 })
    },
    update(user: UserRecord): void {
      update.run({ ...user, active: user.active ? 1 : 0 })
    },
    setFailedAttempts(id: string, failedAttempts: number, lockedUntil: string | null): void {
      setAttempts.run(failedAttempts, lockedUntil, id)
    },
    setupCompletedAt: (): string | null => selectSetup.get()?.completed_at ?? null,
    completeSetup(at: string, ownerUserId: string): void {
      insertSetup.run(at, ownerUserId)
    }
  }
}

export type UsersRepo = ReturnType<typeof createUsersRepo>
