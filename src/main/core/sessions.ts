/**
 * One session per Electron window or web-mode page load. Accounts bind a user to it;
 * until someone logs in it has none.
 */
export interface Session {
  id: string
  userId: string | null
  /** Locked (idle or by hand): the user stays bound, but only their PIN or a switch reopens it. */
  locked: boolean
  openedAt: Date
  lastSeenAt: Date
  /** The last call that passed the permission gate; idle auto-lock counts from here. */
  lastActiveAt: Date
}

export interface SessionRegistry {
  open(id: string, at: Date): Session
  get(id: string): Session | undefined
  touch(id: string, at: Date): void
  close(id: string): void
  userIdOf(id: string): string | null
  all(): Session[]
  /**
   * Web mode's reload: the page's fresh session `to` takes over who is signed in on `from`
   * (user, lock, idle clock), and `from` is closed, so the old token works never again.
   * Returns false (and changes nothing) unless both are live and `to` has no user yet.
   */
  handOver(from: string, to: string): boolean
}

export function createSessionRegistry(): SessionRegistry {
  const sessions = new Map<string, Session>()
  return {
    open(id, at) {
      const session: Session = {
        id,
        userId: null,
        locked: false,
        openedAt: at,
        lastSeenAt: at,
        lastActiveAt: at
      }
      sessions.set(id, session)
      return session
    },
    get: (id) => sessions.get(id),
    touch(id, at) {
      const session = sessions.get(id)
      if (session) session.lastSeenAt = at
    },
    close: (id) => void sessions.delete(id),
    userIdOf: (id) => sessions.get(id)?.userId ?? null,
    all: () => [...sessions.values()],
    handOver(from, to) {
      const previous = sessions.get(from)
      const fresh = sessions.get(to)
      if (!previous || !fresh || from === to || fresh.userId !== null) return false
      fresh.userId = previous.userId
      fresh.locked = previous.locked
      fresh.lastActiveAt = previous.lastActiveAt
      sessions.delete(from)
      return true
    }
  }
}
