import { SYNC_HEADERS } from './protocol'

/**
 * Request signing for the sync protocol, on WebCrypto (`globalThis.crypto.subtle`: Node ≥ 20,
 * Electron's main process and browsers alike), so this file stays free of platform imports.
 *
 * What is signed (`canonicalRequest`), one field per line, UTF-8:
 *
 *     kassa-sync-v1
 *     POST                                   ← method, upper case
 *     /sync/v1/pull?cursor=abc&wait=25       ← path and query exactly as sent
 *     e3b0c442…b855                           ← SHA-256 hex of the body bytes (of nothing for GET)
 *     2026-11-29T08:15:00.000Z               ← x-kassa-time
 *     3q2-7wAAxyz…                            ← x-kassa-nonce
 *     0193…-…                                 ← x-kassa-till (empty on the enrolment request)
 *
 * The signature is Ed25519 over those bytes, base64url in `x-kassa-signature`.
 */

type Bytes = Uint8Array<ArrayBuffer>

const encoder = new TextEncoder()

export interface RequestToSign {
  method: string
  /** Path with query string, exactly as sent on the request line. */
  path: string
  /** The body bytes or text ('' for none). */
  body: string | Uint8Array
  /** ISO 8601 UTC. */
  time: string
  nonce: string
  /** '' on the enrolment request. */
  tillId: string
}

/** The exact string that is signed (see the file comment). `bodySha256` is hex. */
export function canonicalRequest(parts: Omit<RequestToSign, 'body'> & { bodySha256: string }): string {
  return [
    'kassa-sync-v1',
    parts.method.toUpperCase(),
    parts.path,
    parts.bodySha256,
    parts.time,
    parts.nonce,
    parts.tillId
  ].join('\n')
}

function toBytes(data: string | Uint8Array): Bytes {
  if (typeof data === 'string') return encoder.encode(data) as Bytes
  return new Uint8Array(data) as Bytes
}

/** Lower-case hex SHA-256 of text (UTF-8) or bytes. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', toBytes(data)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes base64url (padding optional); throws on anything else. */
export function fromBase64Url(text: string): Bytes {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error('not base64url')
  const binary = atob(
    text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '') + '='.repeat((4 - (text.length % 4)) % 4)
  )
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes as Bytes
}

/** 16 random bytes, base64url (22 characters). */
export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)))
}

export interface TillKeyPair {
  /** 32 raw bytes, base64url: what enrolment sends. */
  publicKey: string
  /** PKCS #8, base64url: what the till keeps (encrypted with safeStorage where available). */
  privateKey: string
}

/** A new Ed25519 key pair for a till. */
export async function generateTillKeyPair(): Promise<TillKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as {
    publicKey: Parameters<typeof crypto.subtle.exportKey>[1]
    privateKey: Parameters<typeof crypto.subtle.exportKey>[1]
  }
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  const privateKey = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))
  return { publicKey: toBase64Url(publicKey), privateKey: toBase64Url(privateKey) }
}

/**
 * The headers that sign one request with the till's private key (PKCS #8 base64url).
 * `now` is the till's clock plus the offset it learnt from a `CLOCK_SKEW` answer.
 *
 * @example
 *   const body = JSON.stringify(batch)
 *   const headers = await signRequest({ method: 'POST', path: SYNC_PATHS.push, body, tillId, privateKey, now: new Date() })
 *   await fetch(hq + SYNC_PATHS.push, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } })
 */
export async function signRequest(input: {
  method: string
  path: string
  body: string | Uint8Array
  tillId: string
  privateKey: string
  now: Date
  nonce?: string
}): Promise<Record<string, string>> {
  const time = input.now.toISOString()
  const nonce = input.nonce ?? newNonce()
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path,
    bodySha256: await sha256Hex(input.body),
    time,
    nonce,
    tillId: input.tillId
  })
  const key = await crypto.subtle.importKey(
    'pkcs8',
    fromBase64Url(input.privateKey),
    { name: 'Ed25519' },
    false,
    ['sign']
  )
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, key, encoder.encode(canonical))
  )
  const headers: Record<string, string> = {
    [SYNC_HEADERS.time]: time,
    [SYNC_HEADERS.nonce]: nonce,
    [SYNC_HEADERS.signature]: toBase64Url(signature)
  }
  if (input.tillId) headers[SYNC_HEADERS.till] = input.tillId
  return headers
}

/** True when `signature` (base64url) is a valid Ed25519 signature of `canonical` by `publicKey` (raw, base64url). */
export async function verifySignature(
  publicKey: string,
  canonical: string,
  signature: string
): Promise<boolean> {
  try {
    const raw = fromBase64Url(publicKey)
    const sig = fromBase64Url(signature)
    if (raw.length !== 32 || sig.length !== 64) return false
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify'])
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, encoder.encode(canonical))
  } catch {
    return false
  }
}
