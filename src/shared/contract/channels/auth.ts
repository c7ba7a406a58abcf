import { z } from 'zod'
import { ACCOUNT_MESSAGES as M } from '../account-messages'
import { channel } from '../channel'
import { text } from '../text'
import { PERMISSIONS } from '../permissions'
import { ROLES } from '../roles'
import { storeProfileSchema } from './settings'

export const usernameSchema = text()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, M.usernameFormat)
export const displayNameSchema = text({ trim: true, max: 60, tooLong: M.displayNameTooLong }).min(
  1,
  M.displayNameRequired
)
/** Length and digits only; the full rule (not all digits, not the username) is the service's. */
export const passwordSchema = text({ max: 128, tooLong: M.passwordTooLong })
export const pinSchema = text().regex(/^\d{4,6}$/, M.pinFormat)

export const currentUserSchema = z.object({
  id: text(),
  username: text(),
  displayName: text(),
  role: z.enum(ROLES),
  /** The capabilities the role holds, so the renderer can hide what would be refused anyway. */
  permissions: z.array(z.enum(PERMISSIONS))
})
export type CurrentUser = z.infer<typeof currentUserSchema>

export const auditChainStatusSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry that does not chain, when broken. */
  brokenAtSeq: z.number().int().nullable(),
  reason: text().nullable()
})
export type AuditChainStatus = z.infer<typeof auditChainStatusSchema>

export const authStatusSchema = z.object({
  /** No owner yet: only the first-run set-up opens. */
  setupRequired: z.boolean(),
  storeName: text(),
  /** The profile the set-up screen starts from (only while set-up is required). */
  setupProfile: storeProfileSchema.nullable(),
  state: z.enum(['signed-out', 'active', 'locked']),
  /** The user this session is bound to (also while locked, for the lock screen). */
  user: currentUserSchema.nullable(),
  idleLockMinutes: z.number().int(),
  /** Only for an unlocked owner: the audit log failed its check at start. */
  auditWarning: auditChainStatusSchema.nullable()
})
export type AuthStatus = z.infer<typeof authStatusSchema>

export const securitySettingsSchema = z
  .object({
    idleLockMinutes: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(240, 'must be at most 240'),
    maxFailedAttempts: z
      .number()
      .int('must be a whole number')
      .min(3, 'must be at least 3')
      .max(20, 'must be at most 20'),
    lockoutMinutes: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(120, 'must be at most 120')
  })
  .strict()
export type SecuritySettings = z.infer<typeof securitySettingsSchema>

export const newUserSchema = z
  .object({
    displayName: displayNameSchema,
    username: usernameSchema,
    role: z.enum(ROLES, { error: 'must be cashier, manager or owner' }),
    password: passwordSchema,
    pin: pinSchema
  })
  .strict()
export type NewUser = z.infer<typeof newUserSchema>

export const setupInputSchema = z
  .object({
    profile: storeProfileSchema,
    owner: newUserSchema.omit({ role: true })
  })
  .strict()
export type SetupInput = z.infer<typeof setupInputSchema>

export const profileUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    /** Required when changing the password or the PIN. */
    currentPassword: text({ max: 128 }).optional(),
    newPassword: passwordSchema.optional(),
    newPin: pinSchema.optional()
  })
  .strict()
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>

/** Sent beside a call's input: someone allowed approves, in place, what the caller may not do. */
export const overrideSchema = z
  .object({
    username: usernameSchema,
    pin: pinSchema
  })
  .strict()
export type Override = z.infer<typeof overrideSchema>

const empty = z.object({}).strict()

export const authChannels = {
  'auth:status': channel({
    summary: 'Whether set-up is needed, who this session belongs to and whether it is locked.',
    input: empty,
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:setup': channel({
    summary: 'First run: save the store profile, create the owner and log them in.',
    input: setupInputSchema,
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:login': channel({
    summary: 'Log this session in with username and password (also switches from a locked user).',
    input: z
      .object({
        username: text({ trim: true, max: 64 }).min(1, 'must not be empty'),
        password: text({ max: 128 }).min(1, 'must not be empty')
      })
      .strict(),
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:unlock': channel({
    summary: "Unlock a locked session with its user's PIN.",
    input: z.object({ pin: pinSchema }).strict(),
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:switch': channel({
    summary: 'Switch a logged-in or locked session to another user by their username and PIN.',
    input: z.object({ username: usernameSchema, pin: pinSchema }).strict(),
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:lock': channel({
    summary: 'Lock this session (the user stays bound; PIN unlocks).',
    input: empty,
    output: authStatusSchema,
    permission: 'session'
  }),
  'auth:logout': channel({
    summary: 'Log this session out.',
    input: empty,
    output: authStatusSchema,
    permission: 'public'
  }),
  'auth:activity': channel({
    summary: 'The person is still at the till (keeps main from locking an active session as idle).',
    input: empty,
    output: z.object({ idleLockMinutes: z.number().int() }),
    permission: 'session'
  }),
  'profile:get': channel({
    summary: 'The logged-in user.',
    input: empty,
    output: currentUserSchema,
    permission: 'session'
  }),
  'profile:update': channel({
    summary: 'Change your own display name, password or PIN (the last two need your current password).',
    input: profileUpdateSchema,
    output: currentUserSchema,
    permission: 'session'
  }),
  'security:get': channel({
    summary: 'Idle auto-lock time and failed-attempt lockout rules.',
    input: empty,
    output: securitySettingsSchema,
    permission: 'session'
  }),
  'security:update': channel({
    summary: 'Save the idle auto-lock time and lockout rules.',
    input: securitySettingsSchema,
    output: securitySettingsSchema,
    permission: 'settings-manage'
  }),
  'audit:verify': channel({
    summary: 'Check the audit log chain now.',
    input: empty,
    output: auditChainStatusSchema,
    permission: 'settings-manage'
  })
}
