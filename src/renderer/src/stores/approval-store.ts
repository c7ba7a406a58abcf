import { create } from 'zustand'
import type { ApiError, ChannelName, Override, Result } from '@shared/contract'

interface Pending {
  channel: ChannelName
  attempt: (override: Override) => Promise<Result<unknown>>
  resolve: (result: Result<unknown> | null) => void
}

interface ApprovalState {
  pending: Pending | null
  busy: boolean
  error: ApiError | null
  /** Opens the dialog; resolves with the approved call's result, or null if cancelled. */
  request(channel: ChannelName, attempt: Pending['attempt']): Promise<Result<unknown> | null>
  submit(override: Override): Promise<void>
  cancel(): void
}

/** The manager-approval dialog's view state. */
export const useApprovalStore = create<ApprovalState>((set, get) => ({
  pending: null,
  busy: false,
  error: null,

  request(channel, attempt) {
    get().pending?.resolve(null)
    return new Promise((resolve) => set({ pending: { channel, attempt, resolve }, busy: false, error: null }))
  },

  async submit(override) {
    const pending = get().pending
    if (!pending) return
    set({ busy: true, error: null })
    const result = await pending.attempt(override)
    // A wrong PIN or an approver without the right stays in the dialog; anything else is the call's answer.
    if (!result.ok && (result.error.field?.startsWith('override.') || result.error.code === 'FORBIDDEN')) {
      set({ busy: false, error: result.error })
      return
    }
    set({ pending: null, busy: false, error: null })
    pending.resolve(result)
  },

  cancel() {
    const pending = get().pending
    set({ pending: null, busy: false, error: null })
    pending?.resolve(null)
  }
}))
