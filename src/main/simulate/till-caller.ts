import type {
  ApiError,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  InvokeOptions,
  Result
} from '@shared/contract'
import type { Core } from '../app/create-core'

/** A call the till refused, with the API error it answered. */
export class RefusedCallError extends Error {
  override readonly name = 'RefusedCallError'
  constructor(
    readonly channel: string,
    readonly error: ApiError
  ) {
    super(`${channel} refused: ${error.code}${error.field ? ` (${error.field})` : ''} ${error.message}`)
  }
}

/** Calls channels through the core's router, as one window of the till would. */
export interface TillCaller {
  call<C extends ChannelName>(
    session: string,
    channel: C,
    input: ChannelInput<C>,
    options?: InvokeOptions
  ): Promise<ChannelOutput<C>>
  /** Like `call`, but answers the refusal instead of throwing it. */
  attempt<C extends ChannelName>(
    session: string,
    channel: C,
    input: ChannelInput<C>
  ): Promise<Result<ChannelOutput<C>>>
}

export function tillCaller(core: Core): TillCaller {
  const attempt = async <C extends ChannelName>(
    session: string,
    channel: C,
    input: ChannelInput<C>,
    options?: InvokeOptions
  ): Promise<Result<ChannelOutput<C>>> =>
    (await core.router.dispatch(channel, input, { sessionId: session }, options)) as Result<ChannelOutput<C>>
  return {
    attempt,
    async call(session, channel, input, options) {
      const result = await attempt(session, channel, input, options)
      if (!result.ok) throw new RefusedCallError(channel, result.error)
      return result.value
    }
  }
}
