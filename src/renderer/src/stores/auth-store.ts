import { create } from 'zustand'
import type { ApiError, AuthStatus, ChannelInput } from '@shared/contract'
import { ApiCallError, call } from '../api/client'

type Busy = 'idle' | 'busy'

interface AuthState {
  status: AuthStatus | null
  busy: Busy
  error: ApiError | null
  /** The lock screen offers a password login instead of the PIN pad. */
  passwordLogin: boolean
  refresh(): Promise<void>
  setup(input: ChannelInput<'auth:setup'>): Promise<boolean>
  login(username: string, password: string): Promise<boolean>
  unlock(pin: string): Promise<boolean>
  switchUser(username: string, pin: string): Promise<boolean>
  lock(): Promise<void>
  logout(): Promise<void>
  /** Tells main the person is still at the till (throttled by the idle watcher). */
  activity(): Promise<void>
  showPasswordLogin(show: boolean): void
  clearError(): void
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}

/** Who is at the till, as main says: set-up needed, signed out, active or locked. */
export const useAuthStore = create<AuthState>((set, get) => {
  const run = async (work: () => Promise<AuthStatus>): Promise<boolean> => {
    set({ busy: 'busy', error: null })
    try {
      const status = await work()
      set({ status, busy: 'idle', passwordLogin: false })
      return true
    } catch (error) {
      set({ busy: 'idle', error: toApiError(error) })
      return false
    }
  }

  return {
    status: null,
    busy: 'idle',
    error: null,
    passwordLogin: false,

    async refresh() {
      try {
        set({ status: await call('auth:status', {}) })
      } catch (error) {
        set({ error: toApiError(error) })
      }
    },
    setup: (input) => run(() => call('auth:setup', input)),
    login: (username, password) => run(() => call('auth:login', { username, password })),
    unlock: (pin) => run(() => call('auth:unlock', { pin })),
    switchUser: (username, pin) => run(() => call('auth:switch', { username, pin })),
    async lock() {
      await run(() => call('auth:lock', {}))
    },
    async logout() {
      await run(() => call('auth:logout', {}))
    },
    async activity() {
      if (get().status?.state !== 'active') return
      try {
        await call('auth:activity', {})
      } catch {
        // An UNAUTHENTICATED answer already refreshed the status.
      }
    },
    showPasswordLogin: (show) => set({ passwordLogin: show, error: null }),
    clearError: () => set({ error: null })
  }
})
