import { createHash } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import {
  eventVersion,
  SYNC_PATHS,
  type EnrolAnswer,
  type PullAnswer,
  type PushAnswer,
  type PushedEvent,
  type SyncErrorAnswer,
  type TillStatus
} from '../../src/shared/sync/protocol'
import { generateTillKeyPair, signRequest, type TillKeyPair } from '../../src/shared/sync/signing'
import { createEnrolCode } from '../../src/server/enrol/enrol-service'
import type { RunningHq } from '../../src/server/hq'

export interface HttpAnswer<T> {
  status: number
  body: T & Partial<SyncErrorAnswer>
}

/**
 * A till as the head office sees it — key pair, signed requests, an outbox of its own — signing
 * exactly as the real sync client does (the shared `signRequest`). For tests, benches and the
 * fault tests' pushers.
 */
export class TestTill {
  tillId = ''
  storeId = ''
  tillCode = ''
  /** Added to the local clock when signing (learnt from CLOCK_SKEW), and the till's own clock error. */
  offsetMs = 0
  clockErrorMs = 0
  private nextSeq = 1

  private constructor(
    public hqUrl: string,
    readonly keys: TillKeyPair
  ) {}

  static async create(hqUrl: string): Promise<TestTill> {
    return new TestTill(hqUrl, await generateTillKeyPair())
  }

  /** A till enrolled with a fresh code for `storeName` (made directly in the head office's store). */
  static async enrolled(hq: RunningHq, storeName = 'Main street'): Promise<TestTill> {
    const till = await TestTill.create(hq.url)
    const { code } = await createEnrolCode(hq.db, hq.clock, storeName)
    const answer = await till.enrol(code)
    if (answer.status !== 200) throw new Error(`enrol failed: ${JSON.stringify(answer.body)}`)
    return till
  }

  now(): Date {
    return new Date(Date.now() + this.clockErrorMs + this.offsetMs)
  }

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body = '',
    options: { tillId?: string; headers?: Record<string, string> } = {}
  ): Promise<HttpAnswer<T>> {
    const headers = await signRequest({
      method,
      path,
      body,
      tillId: options.tillId ?? this.tillId,
      privateKey: this.keys.privateKey,
      now: this.now()
    })
    const response = await fetch(this.hqUrl + path, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(method === 'POST' ? { body } : {}),
      signal: AbortSignal.timeout(30_000)
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as HttpAnswer<T>['body'] }
  }

  async enrol(code: string): Promise<HttpAnswer<EnrolAnswer>> {
    const body = JSON.stringify({ code, publicKey: this.keys.publicKey, appVersion: 'test' })
    const answer = await this.request<EnrolAnswer>('POST', SYNC_PATHS.enrol, body, { tillId: '' })
    if (answer.status === 200) {
      this.tillId = answer.body.tillId
      this.storeId = answer.body.storeId
      this.tillCode = answer.body.tillCode
    }
    return answer
  }

  /**
   * An outbox event with the next seq (or `seq`), hashed as the real client hashes it; stamped with
   * its type's current payload version, or `version` (an older till).
   */
  event(
    type: string,
    payload: unknown,
    options: { seq?: number; at?: string; version?: number } = {}
  ): PushedEvent {
    const text = JSON.stringify(payload)
    const seq = options.seq ?? this.nextSeq++
    return {
      tillId: this.tillId,
      seq,
      id: uuidv7(),
      type,
      version: options.version ?? eventVersion(type),
      at: options.at ?? new Date(Date.now() + this.clockErrorMs).toISOString(),
      aggregateId: (payload as { id?: string }).id ?? 'x',
      payload: text,
      payloadSha256: createHash('sha256').update(text).digest('hex')
    }
  }

  pushBody(events: PushedEvent[]): string {
    return JSON.stringify({
      tillId: this.tillId,
      sentAt: new Date(Date.now() + this.clockErrorMs).toISOString(),
      events
    })
  }

  push(events: PushedEvent[]): Promise<HttpAnswer<PushAnswer>> {
    return this.request<PushAnswer>('POST', SYNC_PATHS.push, this.pushBody(events))
  }

  pull(query: { cursor?: string; limit?: number; wait?: number } = {}): Promise<HttpAnswer<PullAnswer>> {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
    const qs = params.toString()
    return this.request<PullAnswer>('GET', `${SYNC_PATHS.pull}${qs ? `?${qs}` : ''}`)
  }

  status(): Promise<HttpAnswer<TillStatus>> {
    return this.request<TillStatus>('GET', SYNC_PATHS.status)
  }
}

let orderNo = 0
/** An `order.paid` payload shaped like the till's order detail (the fields the head office projects, and a few more). */
export function paidOrder(
  options: { total?: number; rounding?: number; paidAt?: string; coupons?: string[]; method?: string } = {}
) {
  const id = uuidv7()
  const paidAt = options.paidAt ?? new Date().toISOString()
  const total = options.total ?? 1000 + (++orderNo % 97) * 13
  return {
    id,
    number: `T01-${String(orderNo).padStart(6, '0')}`,
    status: 'paid',
    currency: 'CNY',
    total,
    cashRounding: options.rounding ?? 0,
    itemCount: 1,
    cashierName: 'Li',
    paidAt,
    createdAt: paidAt,
    terminal: 'T01',
    lines: [],
    coupons: (options.coupons ?? []).map((code) => ({ code, applied: true, reason: null, discount: 100 })),
    payments: [
      {
        id: uuidv7(),
        method: options.method ?? 'cash',
        status: 'succeeded',
        amount: total,
        tendered: total,
        change: 0,
        tradeNo: null,
        maskedPan: null,
        at: paidAt
      }
    ]
  }
}
