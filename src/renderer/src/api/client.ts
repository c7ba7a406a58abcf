import {
  contract,
  type ApiError,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type InvokeOptions,
  type Override,
  type Result
} from '@shared/contract'
import { bridge } from '../bridge'

/** A refused or failed call, carrying the API's `{ code, message, field }`. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
  get code(): ApiError['code'] {
    return this.error.code
  }
  get field(): string | undefined {
    return this.error.field
  }
}

/** What went wrong with a call, in the API's shape: a refusal as sent, anything else as INTERNAL. */
export function apiErrorOf(caught: unknown): ApiError {
  if (caught instanceof ApiCallError) return caught.error
  return { code: 'INTERNAL', message: caught instanceof Error ? caught.message : String(caught) }
}

/**
 * Asks someone allowed to approve a refused call in place (the manager-approval dialog):
 * `attempt` retries the call with their username and PIN; the answer is the call's final result.
 */
export type Approver = (request: {
  channel: ChannelName
  attempt: (override: Override) => Promise<Result<unknown>>
  /** What the approval dialog says it approves: the amount or subject, already formatted. */
  detail?: string | undefined
  /** The refusal that asked for approval: its key says why and for how much ("cash refund ¥3.50"). */
  reason?: ApiError | undefined
}) => Promise<Result<unknown> | null>

/** What the caller tells the approval dialog about the action (issue 10, item 11). */
export interface ApprovalContext {
  /** "¥3.50 → ¥3.00", "T01-000012 · ¥39.90": the amount or subject the manager approves. */
  detail: string
}

let approver: Approver | null = null
let onUnauthenticated: (() => void) | null = null

/** The accounts feature plugs in the approval dialog and the lock/login reaction here. */
export function setCallHooks(hooks: { approver: Approver; onUnauthenticated: () => void }): void {
  approver = hooks.approver
  onUnauthenticated = hooks.onUnauthenticated
}

/**
 * Calls a channel; resolves with its output or rejects with an `ApiCallError`. A FORBIDDEN
 * answer on an overridable channel opens the approval dialog and retries; an UNAUTHENTICATED
 * one (the till locked itself, or the account was deactivated) tells the accounts feature.
 */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options?: InvokeOptions,
  approval?: ApprovalContext
): Promise<ChannelOutput<C>> {
  let result: Result<unknown> = await bridge.invoke(channel, input, options)
  if (
    !result.ok &&
    result.error.code === 'FORBIDDEN' &&
    contract[channel].overridable &&
    approver &&
    !options?.override
  ) {
    const approved = await approver({
      channel,
      attempt: (override) => bridge.invoke(channel, input, { override }),
      detail: approval?.detail,
      reason: result.error
    })
    if (approved) result = approved
  }
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth:')) onUnauthenticated?.()
    throw new ApiCallError(result.error)
  }
  return result.value as ChannelOutput<C>
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void
): () => void {
  return bridge.on(event, listener)
}
