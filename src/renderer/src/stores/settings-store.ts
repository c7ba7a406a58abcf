import { create } from 'zustand'
import type { ApiError, StoreProfile } from '@shared/contract'
import { ApiCallError, call } from '../api/client'

type Status = 'idle' | 'loading' | 'saving' | 'saved' | 'error'

interface SettingsState {
  /** What main last confirmed. */
  saved: StoreProfile | null
  /** What the form shows, possibly edited. */
  draft: StoreProfile | null
  status: Status
  error: ApiError | null
  load(): Promise<void>
  edit(patch: Partial<StoreProfile>): void
  discard(): void
  /** Saves the draft; `confirmTimeZoneChange` after the owner accepted moving past sales' days. */
  save(confirmTimeZoneChange?: boolean): Promise<void>
  /** A profile saved elsewhere (another window) replaces ours unless we have edits. */
  receive(profile: StoreProfile): void
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  saved: null,
  draft: null,
  status: 'idle',
  error: null,

  async load() {
    set({ status: 'loading', error: null })
    try {
      const profile = await call('settings:get', {})
      set({ saved: profile, draft: profile, status: 'idle' })
    } catch (error) {
      set({ status: 'error', error: toApiError(error) })
    }
  },

  edit(patch) {
    const draft = get().draft
    if (!draft) return
    set({ draft: { ...draft, ...patch }, status: 'idle', error: null })
  },

  discard() {
    set({ draft: get().saved, status: 'idle', error: null })
  },

  async save(confirmTimeZoneChange) {
    const draft = get().draft
    if (!draft) return
    set({ status: 'saving', error: null })
    try {
      const profile = await call(
        'settings:update',
        confirmTimeZoneChange ? { ...draft, confirmTimeZoneChange: true } : draft
      )
      set({ saved: profile, draft: profile, status: 'saved' })
    } catch (error) {
      set({ status: 'error', error: toApiError(error) })
    }
  },

  receive(profile) {
    const { saved, draft } = get()
    const untouched = JSON.stringify(saved) === JSON.stringify(draft)
    set(untouched ? { saved: profile, draft: profile } : { saved: profile })
  }
}))

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}
