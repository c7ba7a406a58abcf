import type { ApiError, ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '@shared/contract'
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

/** Calls a channel; resolves with its output or rejects with an `ApiCallError`. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await bridge.invoke(channel, input)
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener)
}
