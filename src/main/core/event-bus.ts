import type { EventName, EventPayload } from '@shared/contract'

type Listener = (event: EventName, payload: unknown) => void

/** Main-side fan-out of contract events to every connected renderer. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  subscribe(listener: Listener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>()
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
