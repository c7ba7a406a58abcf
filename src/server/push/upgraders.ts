import { EVENT_VERSIONS } from '@shared/sync/protocol'

/** What an upgrader may read besides the payload: the event's envelope as the till sent it. */
export interface Envelope {
  /** When the till committed the event (its clock, ISO). */
  at: string
}

/** Turns a payload of version `n` into version `n + 1`. Pure. */
export type Upgrader = (payload: unknown, envelope: Envelope) => unknown

/**
 * For each event type: the version the projections read, and an upgrader from every older version
 * the head office ever accepted. An offline till may run an old app for weeks, so an upgrader is
 * never removed.
 */
export interface UpgraderRegistry {
  current(type: string): number
  upgrade(type: string, version: number): Upgrader | undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The moment a v1 event stood for: the till stamped the event's `at` in the same transaction as the
 * change, a moment (milliseconds) after it — what this head office read before v2 carried the time.
 */
const withTime =
  (field: string): Upgrader =>
  (payload, envelope) =>
    isObject(payload) && payload[field] === undefined ? { ...payload, [field]: envelope.at } : payload

/**
 * `refund.created` 1 → 2. A v1 till did not say how much of a cash refund was cash rounding, and
 * nothing in a v1 payload tells it for certain (a refund by amount names no share). So each tender
 * gets `cashRounding: 0`: the cash given back stays exactly what the till paid out, and all of it
 * counts as the refunded share — what this head office read before. No money is made up: the
 * tenders, collected and the drawer stay exact; only for a v1 refund of a cash-rounded sale does
 * the split between refunds and cash rounding (less than one cash increment a refund) differ from
 * that till's own report.
 */
const refundCreatedV1: Upgrader = (payload) => {
  if (!isObject(payload) || !Array.isArray(payload.tenders)) return payload
  return {
    ...payload,
    tenders: payload.tenders.map((tender: unknown) =>
      isObject(tender) && tender.cashRounding === undefined ? { ...tender, cashRounding: 0 } : tender
    )
  }
}

/** Every upgrader this head office knows, by type and the version it upgrades from. */
export const UPGRADERS: Readonly<Record<string, Readonly<Record<number, Upgrader>>>> = {
  'order.voided': { 1: withTime('voidedAt') },
  'refund.created': { 1: refundCreatedV1 },
  'refund.tender_succeeded': { 1: withTime('at') },
  'refund.tender_failed': { 1: withTime('at') }
}

export function createUpgraderRegistry(
  versions: Readonly<Record<string, number>> = EVENT_VERSIONS,
  upgraders: Readonly<Record<string, Readonly<Record<number, Upgrader>>>> = UPGRADERS
): UpgraderRegistry {
  return {
    current: (type) => versions[type] ?? 1,
    upgrade: (type, version) => upgraders[type]?.[version]
  }
}

export const defaultUpgraders = createUpgraderRegistry()

/**
 * The payload brought to the version the projections read, or why it cannot be: a version newer
 * than this head office knows (quarantined until it is updated), or a missing upgrader.
 */
export function upgradePayload(
  registry: UpgraderRegistry,
  type: string,
  version: number,
  payload: unknown,
  envelope: Envelope
): { ok: true; payload: unknown } | { ok: false; reason: string } {
  const current = registry.current(type)
  if (version > current) {
    return {
      ok: false,
      reason: `${type} version ${version} is newer than this head office reads (${current}): update the head office`
    }
  }
  let value = payload
  for (let v = version; v < current; v++) {
    const step = registry.upgrade(type, v)
    if (!step) return { ok: false, reason: `no upgrader for ${type} from version ${v}` }
    value = step(value, envelope)
  }
  return { ok: true, payload: value }
}
