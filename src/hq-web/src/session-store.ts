import { create } from 'zustand'
import { hqApi } from '@shared/hq-api/index'
import type { HqUser } from '@shared/hq-api/auth'
import { call, whenSignedOut } from './api/client'

interface SessionState {
  status: 'loading' | 'setup' | 'signed-out' | 'signed-in'
  user: HqUser | null
  /** Why the person is at the sign-in screen again (`errors.hq.auth.sessionExpired` or `.sessionEnded`), if known. */
  notice: string | null
  load(): Promise<void>
  signedIn(user: HqUser): void
  signOut(): Promise<void>
}

/** Who is signed in to the head office, from `auth.session`; a 401 anywhere signs the page out. */
export const useSession = create<SessionState>((set) => ({
  status: 'loading',
  user: null,
  notice: null,
  async load() {
    const session = await call(hqApi.auth.session, {})
    set({
      user: session.user,
      status: session.setupNeeded ? 'setup' : session.user ? 'signed-in' : 'signed-out'
    })
  },
  signedIn(user) {
    set({ user, status: 'signed-in', notice: null })
  },
  async signOut() {
    await call(hqApi.auth.logout, {}).catch(() => undefined)
    set({ user: null, status: 'signed-out', notice: null })
  }
}))

// Say why truly: idle expiry, or a session that simply ended (signed out in another tab, a new
// password set by the owner) — not "after a while without use" for both.
whenSignedOut((key) =>
  useSession.setState((s) =>
    s.status === 'signed-in'
      ? {
          user: null,
          status: 'signed-out',
          notice: key === 'errors.hq.auth.sessionExpired' ? key : 'errors.hq.auth.sessionEnded'
        }
      : s
  )
)
