import { z } from 'zod'
import { channel } from '../channel'
import { text } from '../text'
import { ROLES } from '../roles'
import { displayNameSchema, newUserSchema, passwordSchema, pinSchema, usernameSchema } from './auth'

export const userSchema = z.object({
  id: text(),
  username: text(),
  displayName: text(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** Set while the account is locked out after failed attempts. */
  lockedUntil: text().nullable(),
  createdAt: text(),
  updatedAt: text()
})
export type User = z.infer<typeof userSchema>

export const userUpdateSchema = z
  .object({
    id: text().min(1, 'must not be empty'),
    displayName: displayNameSchema.optional(),
    username: usernameSchema.optional(),
    role: z.enum(ROLES, { error: 'must be cashier, manager or owner' }).optional(),
    /** A new password set by the owner (e.g. the user forgot theirs). */
    password: passwordSchema.optional(),
    pin: pinSchema.optional(),
    /** false deactivates: the user can no longer log in and their sessions end. */
    active: z.boolean().optional()
  })
  .strict()
export type UserUpdate = z.infer<typeof userUpdateSchema>

export const usersChannels = {
  'users:list': channel({
    summary: 'Every user, active or not.',
    input: z.object({}).strict(),
    output: z.array(userSchema),
    permission: 'users-manage'
  }),
  'users:create': channel({
    summary: 'Add a user with a role, password and PIN.',
    input: newUserSchema,
    output: userSchema,
    permission: 'users-manage'
  }),
  'users:update': channel({
    summary: "Edit a user's name, username, role, password or PIN, or (de)activate them.",
    input: userUpdateSchema,
    output: userSchema,
    permission: 'users-manage'
  })
}
