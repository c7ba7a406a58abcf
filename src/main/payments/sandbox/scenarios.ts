/**
 * What the sandbox does with one trade, chosen per trade number by a test or the customer panel
 * before the trade is created (`PUT /sandbox/v1/scenarios/{tradeNo}`), or the gateway's default.
 */
export type CustomerBehaviour =
  /** Pays after `afterMs` (scans the QR / confirms on the phone / presents a card). */
  | 'pay'
  /** Refuses or cannot pay after `afterMs` (insufficient balance, card declined, walks away). */
  | 'decline'
  /** Waits for the customer panel: approve, decline, scan, present a card. */
  | 'manual'
  /** A payment code that needs the customer's password: `user_paying` until the panel enters it. */
  | 'password'

/** The calls a fault can be attached to; each fault fires once, on the first such call. */
export type SandboxCall = 'create' | 'query' | 'cancel' | 'refund' | 'refund_query'

/**
 * `timeout_before_commit`: the request is swallowed; nothing happened at the provider.
 * `timeout_after_commit`: the provider did the work, but the answer never arrives.
 * Either way the client sees only a timeout: only a query can tell them apart.
 */
export type CallFault = 'timeout_before_commit' | 'timeout_after_commit'

export type NotifyMode =
  | 'normal'
  | 'none'
  /** Every notification is delivered twice (after the first was acknowledged). */
  | 'duplicate'
  /**
   * A notification caused by a call (a payment code paid at once) or pending when the till next asks
   * about the trade is delivered, and acknowledged, before that synchronous HTTP answer is sent.
   */
  | 'before_response'
  /** Notifications are held until a second one exists, then delivered newest first. */
  | 'out_of_order'
  /** Signed with a key the merchant does not trust. */
  | 'bad_signature'
  /** Signed correctly, then the amount is changed in transit. */
  | 'tampered_amount'

export interface Scenario {
  customer: CustomerBehaviour
  afterMs: number
  faults: Partial<Record<SandboxCall, CallFault>>
  notify: NotifyMode
  /** `insufficient_balance`: the merchant's balance cannot cover refunds (ACQ.SELLER_BALANCE_NOT_ENOUGH, NOT_ENOUGH). */
  refund: 'ok' | 'insufficient_balance'
  /** Closes an unpaid merchant-QR trade after this long (the QR expires). */
  qrExpiresMs?: number
  /** `bad`: the answer to the create call is signed with an untrusted key (corrupted in transit). */
  responseSignature: 'ok' | 'bad'
}

export type ScenarioInput = Partial<Scenario>

export const DEFAULT_SCENARIO: Scenario = {
  customer: 'pay',
  afterMs: 2000,
  faults: {},
  notify: 'normal',
  refund: 'ok',
  responseSignature: 'ok'
}

const CUSTOMERS: readonly CustomerBehaviour[] = ['pay', 'decline', 'manual', 'password']
const NOTIFY: readonly NotifyMode[] = [
  'normal',
  'none',
  'duplicate',
  'before_response',
  'out_of_order',
  'bad_signature',
  'tampered_amount'
]
const CALLS: readonly SandboxCall[] = ['create', 'query', 'cancel', 'refund', 'refund_query']
const FAULTS: readonly CallFault[] = ['timeout_before_commit', 'timeout_after_commit']

/** Reads a scenario from the control API's JSON, refusing anything it does not know. */
export function parseScenario(value: unknown): ScenarioInput {
  if (value === null || typeof value !== 'object') throw new TypeError('a scenario is a JSON object')
  const input = value as Record<string, unknown>
  const out: ScenarioInput = {}
  for (const [key, field] of Object.entries(input)) {
    switch (key) {
      case 'customer':
        out.customer = oneOf(key, field, CUSTOMERS)
        break
      case 'notify':
        out.notify = oneOf(key, field, NOTIFY)
        break
      case 'refund':
        out.refund = oneOf(key, field, ['ok', 'insufficient_balance'] as const)
        break
      case 'responseSignature':
        out.responseSignature = oneOf(key, field, ['ok', 'bad'] as const)
        break
      case 'afterMs':
      case 'qrExpiresMs':
        if (!Number.isSafeInteger(field) || (field as number) < 0)
          throw new TypeError(`${key} must be a whole number of ms`)
        out[key] = field as number
        break
      case 'faults': {
        if (field === null || typeof field !== 'object') throw new TypeError('faults must be an object')
        const faults: Scenario['faults'] = {}
        for (const [call, fault] of Object.entries(field)) {
          faults[oneOf('faults', call, CALLS)] = oneOf(`faults.${call}`, fault, FAULTS)
        }
        out.faults = faults
        break
      }
      default:
        throw new TypeError(`unknown scenario field: ${key}`)
    }
  }
  return out
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new TypeError(`${key} must be one of ${allowed.join(', ')}`)
}
