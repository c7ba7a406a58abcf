/**
 * The reasons accounts refuse input: `errors.accounts.<key>` in the API and the renderer, whose
 * English locale is this table (zh-CN has its own words for each key).
 * Errors read `field: reason`, e.g. `password: must be at least 8 characters`.
 */
export const ACCOUNT_MESSAGES = {
  passwordTooShort: 'must be at least 8 characters',
  passwordAllDigits: 'must not be only digits',
  passwordIsUsername: 'must not be the same as the username',
  passwordTooLong: 'must be at most 128 characters',
  pinFormat: 'must be 4 to 6 digits',
  usernameFormat: 'use 3 to 32 letters, digits, dots, dashes or underscores',
  usernameTaken: 'is already taken',
  displayNameRequired: 'must not be empty',
  displayNameTooLong: 'must be at most 60 characters',
  wrongCredentials: 'Wrong username or password',
  wrongPassword: 'Wrong password',
  wrongPin: 'Wrong PIN',
  currentPasswordRequired: 'Enter your current password to change your password or PIN',
  accountLocked: 'Too many failed attempts: this account is locked for a few minutes',
  accountDeactivated: 'This account is deactivated; ask the owner',
  lastOwner: 'The last active owner must stay an active owner',
  setupDone: 'Set-up is already done',
  setupRequired: 'Finish the first-run set-up first',
  notLoggedIn: 'Log in first',
  notLocked: 'The till is not locked',
  tillLocked: 'The till is locked; unlock it with your PIN',
  approverCannot: 'This person may not approve this action',
  cannotApproveSelf: 'Someone else must approve',
  notOverridable: 'This action cannot be approved by someone else',
  noSession: 'No session; reload the app',
  sessionExpired: 'Session expired; reload the page',
  roleMayNot: 'The {{role}} role may not do this (needs {{permission}})'
} as const

export type AccountMessageKey = keyof typeof ACCOUNT_MESSAGES

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): AccountMessageKey | null {
  if (password.length < 8) return 'passwordTooShort'
  if (password.length > 128) return 'passwordTooLong'
  if (/^\d+$/.test(password)) return 'passwordAllDigits'
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'passwordIsUsername'
  return null
}
