import type { SecretProtector } from '../sync/key-store'

/** The part of Electron's `safeStorage` Kassa uses (passed in, so tests need no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}

/**
 * Seals the till's sync key with the OS keychain (Keychain, DPAPI, libsecret) when Electron can;
 * undefined when it cannot (Linux without a secret service), leaving the 0600 file alone to guard it.
 */
export function safeStorageProtector(safeStorage: SafeStorageLike | undefined): SecretProtector | undefined {
  if (!safeStorage?.isEncryptionAvailable()) return undefined
  return {
    kind: 'safeStorage',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed)
  }
}
