import { describe, expect, it } from 'vitest'
import { pushRequestSchema, SYNC_HEADERS } from '../../../src/shared/sync/protocol'
import {
  canonicalRequest,
  fromBase64Url,
  generateTillKeyPair,
  sha256Hex,
  signRequest,
  toBase64Url,
  verifySignature
} from '../../../src/shared/sync/signing'

describe('sync request signing', () => {
  it('signs what it says and nothing else verifies', async () => {
    const keys = await generateTillKeyPair()
    expect(keys.publicKey).toHaveLength(43)
    const tillId = '01937000-0000-7000-8000-000000000001'
    const now = new Date('2026-11-29T08:15:00.000Z')
    const body = '{"a":1}'
    const headers = await signRequest({
      method: 'post',
      path: '/sync/v1/push',
      body,
      tillId,
      privateKey: keys.privateKey,
      now
    })
    expect(headers[SYNC_HEADERS.time]).toBe('2026-11-29T08:15:00.000Z')
    expect(headers[SYNC_HEADERS.till]).toBe(tillId)
    const parts = {
      method: 'POST',
      path: '/sync/v1/push',
      bodySha256: await sha256Hex(body),
      time: headers[SYNC_HEADERS.time]!,
      nonce: headers[SYNC_HEADERS.nonce]!,
      tillId
    }
    const signature = headers[SYNC_HEADERS.signature]!
    expect(await verifySignature(keys.publicKey, canonicalRequest(parts), signature)).toBe(true)
    // Each signed field matters.
    for (const change of [
      { method: 'GET' },
      { path: '/sync/v1/pull' },
      { bodySha256: await sha256Hex('{"a":2}') },
      { time: '2026-11-29T08:15:01.000Z' },
      { nonce: 'other-nonce-value-xxxx' },
      { tillId: '01937000-0000-7000-8000-000000000002' }
    ]) {
      expect(
        await verifySignature(keys.publicKey, canonicalRequest({ ...parts, ...change }), signature)
      ).toBe(false)
    }
    const other = await generateTillKeyPair()
    expect(await verifySignature(other.publicKey, canonicalRequest(parts), signature)).toBe(false)
    expect(await verifySignature('not a key', canonicalRequest(parts), signature)).toBe(false)
  })

  it('hashes text as UTF-8 and round-trips base64url', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(await sha256Hex('收银')).toBe(await sha256Hex(new TextEncoder().encode('收银')))
    const bytes = new Uint8Array([0, 250, 251, 252, 253, 254, 255])
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes)
    expect(() => fromBase64Url('a+b/')).toThrow()
  })

  it('refuses a batch whose seqs are not consecutive', () => {
    const event = (seq: number) => ({
      tillId: '01937000-0000-7000-8000-000000000001',
      seq,
      id: '01937000-0000-7000-8000-00000000000' + seq,
      type: 'order.paid',
      version: 1,
      at: '2026-11-29T08:15:00.000Z',
      aggregateId: 'x',
      payload: '{}',
      payloadSha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
    })
    const batch = {
      tillId: event(1).tillId,
      sentAt: '2026-11-29T08:15:00.000Z',
      events: [event(1), event(2)]
    }
    expect(pushRequestSchema.safeParse(batch).success).toBe(true)
    const gap = pushRequestSchema.safeParse({ ...batch, events: [event(1), event(3)] })
    expect(gap.success).toBe(false)
    expect(gap.error?.issues[0]?.path).toEqual(['events', 1, 'seq'])
  })
})
