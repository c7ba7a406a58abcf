import { create } from 'zustand'
import type { ApiError } from '@shared/contract'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { ApiCallError, call } from '../api/client'

interface SyncState {
  status: SyncStatus | null
  busy: 'now' | 'enrol' | 'unenrol' | 'export' | null
  error: ApiError | null
  load(): Promise<void>
  adopt(status: SyncStatus): void
  syncNow(): Promise<void>
  enrol(input: { hqUrl: string; code: string }): Promise<boolean>
  unenrol(): Promise<void>
  /** Saves the unsynced events as a JSON file (the browser's download). */
  exportOutbox(): Promise<void>
}

const apiError = (error: unknown): ApiError =>
  error instanceof ApiCallError ? error.error : { code: 'INTERNAL', message: String(error) }

/** The sync status as main last said (the top bar's badge and the Sync panel share it). */
export const useSyncStore = create<SyncState>((set) => ({
  status: null,
  busy: null,
  error: null,
  async load() {
    try {
      set({ status: await call('sync:status', {}) })
    } catch {
      // Signed out or locked: the badge waits for the next load or event.
    }
  },
  adopt(status) {
    set({ status })
  },
  async syncNow() {
    set({ busy: 'now', error: null })
    try {
      set({ status: await call('sync:now', {}) })
    } catch (error) {
      set({ error: apiError(error) })
    } finally {
      set({ busy: null })
    }
  },
  async enrol(input) {
    set({ busy: 'enrol', error: null })
    try {
      set({ status: await call('sync:enrol', input) })
      return true
    } catch (error) {
      set({ error: apiError(error) })
      return false
    } finally {
      set({ busy: null })
    }
  },
  async unenrol() {
    set({ busy: 'unenrol', error: null })
    try {
      set({ status: await call('sync:unenrol', {}) })
    } catch (error) {
      set({ error: apiError(error) })
    } finally {
      set({ busy: null })
    }
  },
  async exportOutbox() {
    set({ busy: 'export', error: null })
    try {
      const file = await call('sync:export-outbox', {})
      const url = URL.createObjectURL(new Blob([file.json], { type: 'application/json' }))
      const link = document.createElement('a')
      link.href = url
      link.download = file.fileName
      link.click()
      URL.revokeObjectURL(url)
    } catch (error) {
      set({ error: apiError(error) })
    } finally {
      set({ busy: null })
    }
  }
}))

/** A wait of `ms` in whole minutes, hours or days, for "oldest 3 h". */
export function ageOf(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return { unit: 'minutes', count: minutes }
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) }
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) }
}
