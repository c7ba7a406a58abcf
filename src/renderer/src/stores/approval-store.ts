import { create } from 'zustand'
import type { ApiError, ChannelName, Override, Result } from '@shared/contract'

interface Pending {
  /** Each request gets its own id: the dialog starts empty for every one. */
  id: number
  channel: ChannelName
  /** The amount or subject approved, already formatted (may be absent). */
  detail: string | undefined
  /** Why a manager is needed: the refusal's key and amounts (`errors.approval.refundCash`). */
  reason: ApiError | undefined
  attempt: (override: Override) => Promise<Result<unknown>>
  resolve: (result: Result<unknown> | null) => void
  /** The dialog the action was started from; closing it cancels this approval. */
  from: Element | null
}

interface ApprovalState {
  pending: Pending | null
  busy: boolean
  error: ApiError | null
  /** Opens the dialog; resolves with the approved call's result, or null if cancelled. */
  request(
    channel: ChannelName,
    attempt: Pending['attempt'],
    detail?: string,
    reason?: ApiError
  ): Promise<Result<unknown> | null>
  submit(override: Override): Promise<void>
  cancel(): void
  /**
   * The dialog `element` closed (cancelled, or its screen went away): an approval asked from
   * inside it is cancelled too, so approving later can never carry out the cancelled action.
   */
  cancelFrom(element: Element): void
}

let nextId = 1

/** The topmost open modal when the approval is asked for: where the action came from. */
function frontDialog(): Element | null {
  if (typeof document === 'undefined') return null
  const open = [...document.querySelectorAll('dialog[open]')].filter((d) => !d.classList.contains('approval'))
  return open.at(-1) ?? null
}

/** The manager-approval dialog's view state. */
export const useApprovalStore = create<ApprovalState>((set, get) => ({
  pending: null,
  busy: false,
  error: null,

  request(channel, attempt, detail, reason) {
    get().pending?.resolve(null)
    return new Promise((resolve) =>
      set({
        pending: { id: nextId++, channel, detail, reason, attempt, resolve, from: frontDialog() },
        busy: false,
        error: null
      })
    )
  },

  async submit(override) {
    const pending = get().pending
    if (!pending) return
    set({ busy: true, error: null })
    const result = await pending.attempt(override)
    // Cancelled while the call was on its way: the answer is not ours to deliver.
    if (get().pending !== pending) return
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
  },

  cancelFrom(element) {
    const pending = get().pending
    if (pending && pending.from !== null && (pending.from === element || element.contains(pending.from)))
      get().cancel()
  }
}))
