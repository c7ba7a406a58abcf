import { create } from 'zustand'
import type { ChannelOutput } from '@shared/contract'
import { call } from '../api/client'

type Current = ChannelOutput<'shifts:current'>

interface ShiftState {
  current: Current | null
  /** Asks main for this till's open shift (after a login, a sale, or a shift action). */
  load(): Promise<void>
  adopt(current: Current): void
}

/** This till's shift as main last said: the top bar's badge and the Settlement screen share it. */
export const useShiftStore = create<ShiftState>((set) => ({
  current: null,
  async load() {
    try {
      set({ current: await call('shifts:current', {}) })
    } catch {
      // Locked or signed out: the badge waits for the next load.
    }
  },
  adopt(current) {
    set({ current })
  }
}))
