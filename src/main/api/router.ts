import type { z } from 'zod'
import {
  contract,
  fieldRefusal,
  isChannelName,
  overrideSchema,
  type ApiError,
  type ChannelName,
  type ChannelOutput,
  type InvokeOptions,
  type ParsedInput,
  type Permission,
  type Result,
  zodRefusal
} from '@shared/contract'
import { FieldError } from '@shared/money/field-error'
import { ApprovalRequired, DomainError } from '../domain/errors'
import type { Logger } from '../core/logger'

/** Who is calling: one Electron window or one web-mode page session. */
export interface CallContext {
  sessionId: string
  /** Set when someone else approved this call in place (manager override). */
  approverUserId?: string | null
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: CallContext
) => ChannelOutput<C> | Promise<ChannelOutput<C>>

/** Decides whether a session may use a permission; returns an error to refuse. */
export type Gate = (permission: Permission, ctx: CallContext) => ApiError | null

/**
 * Checks an override sent with a call the gate refused as FORBIDDEN: resolves to the
 * approver's user id, or throws a DomainError naming what is wrong (`override.pin`, …).
 */
export type Approver = (request: {
  channel: ChannelName
  permission: Permission
  override: NonNullable<InvokeOptions['override']>
  ctx: CallContext
}) => Promise<string>

export interface Router {
  handle<C extends ChannelName>(channel: C, handler: Handler<C>): void
  dispatch(
    channel: string,
    input: unknown,
    ctx: CallContext,
    options?: InvokeOptions
  ): Promise<Result<unknown>>
  /** Channels of the contract that have no handler yet. */
  missingHandlers(): ChannelName[]
}

/**
 * The one place every API call passes through, whatever the transport: refuses unknown
 * channels, validates input with the channel's schema, checks its permission, runs the
 * handler, and turns every failure into `{ code, message, field?, key, params? }`.
 */
export function createRouter(options: {
  gate: Gate
  logger: Logger
  approve?: Approver
  /** Refuses a channel the caller may use but the till may not (an enrolled till's master data), or null. */
  refuse?: (channel: ChannelName) => ApiError | null
  /**
   * Told when a call of a known channel starts; what it returns is called once when the call has
   * answered, whatever the answer (the selling signal the sync's push process yields to).
   */
  onCall?: (channel: ChannelName) => (() => void) | undefined
}): Router {
  const handlers = new Map<ChannelName, Handler<ChannelName>>()

  return {
    handle(channel, handler) {
      if (!isChannelName(channel)) throw new Error(`No such channel in the contract: ${channel}`)
      if (handlers.has(channel)) throw new Error(`Handler registered twice: ${channel}`)
      handlers.set(channel, handler as unknown as Handler<ChannelName>)
    },

    async dispatch(channel, input, callCtx, callOptions) {
      if (!isChannelName(channel)) return fail({ code: 'NOT_FOUND', message: `Unknown channel: ${channel}` })
      const ended = options.onCall?.(channel)
      try {
        return await call(channel, input, callCtx, callOptions)
      } finally {
        ended?.()
      }
    },

    missingHandlers() {
      return (Object.keys(contract) as ChannelName[]).filter((name) => !handlers.has(name))
    }
  }

  async function call(
    channel: ChannelName,
    input: unknown,
    callCtx: CallContext,
    callOptions: InvokeOptions | undefined
  ): Promise<Result<unknown>> {
    const handler = handlers.get(channel)
    if (!handler) return fail({ code: 'UNAVAILABLE', message: `${channel} is not available` })
    const spec = contract[channel]
    // Only the approver sets approverUserId; a transport cannot smuggle one in.
    let ctx: CallContext = { sessionId: callCtx.sessionId }

    const refusal = options.gate(spec.permission, ctx)
    const override = callOptions?.override
    const approvable =
      refusal?.code === 'FORBIDDEN' &&
      override !== undefined &&
      spec.overridable === true &&
      options.approve !== undefined
    if (refusal && !approvable) return fail(refusal)
    const policy = options.refuse?.(channel)
    if (policy) return fail(policy)

    const given = input ?? {}
    const parsed = (spec.input as z.ZodType).safeParse(given)
    if (!parsed.success) {
      return fail(zodRefusal(parsed.error.issues[0]!, [], given))
    }

    /** Checks the override sent with the call and runs on as its approver. */
    const approveAs = async (permission: Permission): Promise<void> => {
      const request = overrideSchema.safeParse(override)
      if (!request.success) {
        const issue = request.error.issues[0]!
        throw new RefusedCall(zodRefusal(issue, ['override'], override))
      }
      ctx = {
        ...ctx,
        approverUserId: await options.approve!({ channel, permission, override: request.data, ctx })
      }
    }
    // A handler that answers at once (a sale in one transaction) is not put through promises of its
    // own: each hop is a microtask the checkout paid for on every sale (issue 12).
    const run = (): Result<unknown> | Promise<Result<unknown>> => {
      const value = handler(parsed.data as ParsedInput<ChannelName>, ctx)
      return isThenable(value) ? Promise.resolve(value).then(answered) : answered(value)
    }

    try {
      // Checked after the input, so a manager's PIN is not spent on a form that is refused anyway.
      if (approvable) await approveAs(spec.permission)
      try {
        return await run()
      } catch (error) {
        // A conditional approval: the handler found this call needs more than the gate asked.
        const needsApproval =
          error instanceof ApprovalRequired &&
          override !== undefined &&
          spec.overridable === true &&
          !ctx.approverUserId
        if (!needsApproval || !options.approve) throw error
        await approveAs(error.permission)
        return await run()
      }
    } catch (error) {
      if (error instanceof RefusedCall) return fail(error.refusal)
      if (error instanceof DomainError) {
        return fail({
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          key: error.i18n.key,
          ...(error.i18n.params ? { params: error.i18n.params } : {})
        })
      }
      if (error instanceof FieldError) return fail(fieldRefusal(error.field, error.message, error.reason))
      options.logger.error('api.handler_failed', { channel, error })
      return fail({
        code: 'INTERNAL',
        message: 'Something went wrong; nothing was saved. Please try again.'
      })
    }
  }
}

/** A refusal already in the API's shape, raised from inside the call. */
class RefusedCall extends Error {
  constructor(readonly refusal: ApiError) {
    super(refusal.message)
  }
}

const answered = (value: unknown): Result<unknown> => ({ ok: true, value })

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function'

function fail(error: ApiError): Result<never> {
  return { ok: false, error }
}
