import { z } from 'zod'

/**
 * Field shapes every sync message shares. Internal to the protocol's files: `protocol.ts` does not
 * re-export them, so the public protocol stays the schemas and types built from them.
 */

/** ISO 8601 with an offset (the till sends UTC with milliseconds). */
export const isoTime = z.iso.datetime({ offset: true })
/** Lower-case hex SHA-256. */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)')
/** Keys and signatures: base64url without padding. */
export const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding')
/** UUIDs as the till makes them (version 7 for events; any version accepted for ids of rows). */
export const uuid = z.uuid()
export const uuidV7 = z.uuid({ version: 'v7' })
