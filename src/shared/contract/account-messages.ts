/**
 * The reasons accounts refuse input, shared so the renderer can show them in the
 * interface language (it looks the English text up here and translates the key).
 * Errors read `field: reason`, e.g. `password: must be at least 8 characters`.
 */
export const ACCOUNT_MESSAGES = {
  passwordTooShort: 'must be at least 8 characters',
  passwordAllDigits: 'must not be all digits',
  passwordIsUsername: 'must not be the same as the username',
  passwordTooLong: 'must be at most 128 characters',
  pinFormat: 'must be 4 to 6 digits',
  usernameFormat: 'use 3 to 32 letters, digits, dots, dashes or underscores',
  usernameTaken: 'is already taken',
  displayNameRequired: 'must not be empty',
  displayNameTooLong: 'must be at most 60 characters',
  wrongCredentials: 'wrong username or password',
  wrongPassword: 'wrong password',
  wrongPin: 'wrong PIN',
  currentPasswordRequired: 'enter your current password to change your password or PIN',
  accountLocked: 'too many failed attempts; this account is locked for a few minutes',
  accountDeactivated: 'this account is deactivated; ask the owner',
  lastOwner: 'the last active owner must stay an active owner',
  setupDone: 'set-up is already done',
  setupRequired: 'finish the first-run set-up first',
  notLoggedIn: 'log in first',
  notLocked: 'the till is not locked',
  tillLocked: 'the till is locked; unlock it with your PIN',
  approverCannot: 'this person may not approve this action',
  cannotApproveSelf: 'another person must approve',
  notOverridable: 'this action cannot be approved by someone else'
} as const

export type AccountMessageKey = keyof typeof ACCOUNT_MESSAGES

/** The key of a known reason, e.g. `passwordTooShort`, or null for any other text. */
export function accountMessageKey(reason: string): AccountMessageKey | null {
  for (const [key, text] of Object.entries(ACCOUNT_MESSAGES))
    if (text === reason) return key as AccountMessageKey
  return null
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): AccountMessageKey | null {
  if (password.length < 8) return 'passwordTooShort'
  if (password.length > 128) return 'passwordTooLong'
  if (/^\d+$/.test(password)) return 'passwordAllDigits'
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'passwordIsUsername'
  return null
}
