/**
 * An event as anomaly detection sees it: stored (`applied`, `recorded`, `quarantined` with its
 * reason) or kept aside as the other copy of a seq the head office already held (`collision`).
 */
export interface DetectedEvent {
  seq: number
  eventId: string
  type: string
  /** The till's time of the event (ISO). */
  at: string
  payload: string
  payloadSha256: string
  status: 'applied' | 'recorded' | 'quarantined' | 'collision'
  reason: string | null
  /** For a collision: the hash of the copy the head office holds. */
  heldSha256?: string | null
}

/** Where and when detection runs: the till, its store and time zone, the head office's time (ISO). */
export interface DetectContext {
  tillId: string
  storeId: string
  timeZone: string
  at: string
}

const parsed = new WeakMap<DetectedEvent, Record<string, unknown> | null>()

/** The payload as JSON, or null when it is not (such an event is quarantined anyway); parsed once per event. */
export function parsePayload(event: DetectedEvent): Record<string, unknown> | null {
  if (parsed.has(event)) return parsed.get(event)!
  let value: unknown = null
  try {
    value = JSON.parse(event.payload)
  } catch {
    value = null
  }
  const payload = value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  parsed.set(event, payload)
  return payload
}

export const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
