import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { mkdirDurably, writeFileDurably } from '../fs/durable-file'

/**
 * Encrypts the till's private key at rest where the platform can (Electron's `safeStorage`:
 * Keychain, DPAPI, libsecret). Web mode and the `kassa` command have none: the key file is then
 * protected by its 0600 mode only.
 */
export interface SecretProtector {
  readonly kind: string
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}

interface KeyFile {
  /** `plain`, or the protector's kind (`safeStorage`). */
  protection: string
  /** base64 of the sealed bytes, or the PKCS #8 key itself (base64url) when plain. */
  key: string
  publicKey: string
}

/** `<data dir>/sync/till-key.json`: beside the database, never inside it or its backups. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'sync', 'till-key.json')
}

/** Saves the till's key pair (`privateKey` PKCS #8 base64url), sealed when a protector is given. */
export function saveTillKey(
  dataDir: string,
  pair: { publicKey: string; privateKey: string },
  protector?: SecretProtector
): void {
  const file: KeyFile = protector
    ? {
        protection: protector.kind,
        key: protector.encrypt(pair.privateKey).toString('base64'),
        publicKey: pair.publicKey
      }
    : { protection: 'plain', key: pair.privateKey, publicKey: pair.publicKey }
  const path = keyFilePath(dataDir)
  mkdirDurably(dirname(path), { mode: 0o700 })
  // Atomic and durable (temp file, fsync, rename, fsync of the directory), readable by this user only.
  writeFileDurably(path, `${JSON.stringify(file)}\n`, { mode: 0o600 })
}

/** The till's private key, or null when none is saved. Throws when it is sealed and cannot be opened. */
export function loadTillKey(
  dataDir: string,
  protector?: SecretProtector
): { publicKey: string; privateKey: string } | null {
  const path = keyFilePath(dataDir)
  if (!existsSync(path)) return null
  const file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile
  if (file.protection === 'plain') return { publicKey: file.publicKey, privateKey: file.key }
  if (!protector || protector.kind !== file.protection)
    throw new Error(`the till's sync key is sealed with ${file.protection}, which is not available here`)
  return { publicKey: file.publicKey, privateKey: protector.decrypt(Buffer.from(file.key, 'base64')) }
}

/** Deletes the key file (un-enrolment, a refused enrolment); nothing when there is none. */
export function removeTillKey(dataDir: string): void {
  rmSync(keyFilePath(dataDir), { force: true })
}
