import { create } from 'zustand'
import { hqApi } from '@shared/hq-api/index'
import type { HqUser } from '@shared/hq-api/auth'
import { call, whenSignedOut } from './api/client'

interface SessionState {
  /** `reauth`: the session ended while the page was in use; the screen stays, a sign-in dialog is over it. */
  status: 'loading' | 'setup' | 'signed-out' | 'signed-in' | 'reauth'
  user: HqUser | null
  /** Why the person is at the sign-in screen again (`errors.hq.auth.sessionExpired`, `.sessionDeactivated` or `.sessionEnded`), if known. */
  notice: string | null
  load(): Promise<void>
  signedIn(user: HqUser): void
  signOut(): Promise<void>
}

/** Calls waiting for the person to sign in again (each is sent again on `true`). */
let waiting: Array<(again: boolean) => void> = []
function release(again: boolean): void {
  const calls = waiting
  waiting = []
  for (const resume of calls) resume(again)
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
    release(true)
  },
  async signOut() {
    // Signed out first: a logout meeting an ended session must not open the sign-in dialog again.
    set({ user: null, status: 'signed-out', notice: null })
    release(false)
    await call(hqApi.auth.logout, {}).catch(() => undefined)
  }
}))

// A session that ends while the page is in use keeps the page: the screen (and any form with
// what was typed) stays, a sign-in dialog opens over it, and the call that met the 401 is sent
// again once the same person has signed in. The notice says why truly: idle expiry, or a session
// that simply ended (signed out in another tab, a new password set by the owner).
whenSignedOut((key) => {
  const { status } = useSession.getState()
  if (status !== 'signed-in' && status !== 'reauth') return Promise.resolve(false)
  useSession.setState({
    status: 'reauth',
    notice:
      key === 'errors.hq.auth.sessionExpired' || key === 'errors.hq.auth.sessionDeactivated'
        ? key
        : 'errors.hq.auth.sessionEnded'
  })
  return new Promise<boolean>((resume) => waiting.push(resume))
})
