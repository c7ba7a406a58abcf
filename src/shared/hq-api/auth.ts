import { z } from 'zod'
import { ANY_ROLE, HQ_ROLES, OWNER, route } from './route'

const name = z.string().trim().min(1).max(60)
/** At least 10 characters: the head office is reachable from a network, unlike a till's PIN. */
const newPassword = z.string().min(10).max(200)

export const hqUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(HQ_ROLES),
  /** The stores a manager runs (empty for owner and auditor, who see every store). */
  storeIds: z.array(z.string()),
  createdAt: z.string(),
  /** Locked out by wrong passwords right now (filled in the owner's list only). */
  locked: z.boolean().optional(),
  /** When the owner deactivated them (they cannot sign in; kept for the audit trail), else null. */
  deactivatedAt: z.string().nullable()
})
export type HqUser = z.infer<typeof hqUserSchema>

const sessionSchema = z.object({
  /** True until the first owner exists: the first visit sets up the head office. */
  setupNeeded: z.boolean(),
  user: hqUserSchema.nullable()
})

/** Sign-in, first-run set-up and the people of the head office. */
export const authApi = {
  session: route({
    method: 'GET',
    path: '/auth/session',
    input: z.object({}),
    output: sessionSchema,
    roles: 'public'
  }),
  setup: route({
    method: 'POST',
    path: '/auth/setup',
    input: z.object({ name, password: newPassword }),
    output: hqUserSchema,
    roles: 'public'
  }),
  login: route({
    method: 'POST',
    path: '/auth/login',
    input: z.object({ name, password: z.string().min(1).max(200) }),
    output: hqUserSchema,
    roles: 'public'
  }),
  logout: route({
    method: 'POST',
    path: '/auth/logout',
    input: z.object({}),
    output: z.object({}),
    roles: ANY_ROLE
  }),
  listUsers: route({
    method: 'GET',
    path: '/users',
    input: z.object({}),
    output: z.object({ users: z.array(hqUserSchema) }),
    roles: OWNER
  }),
  createUser: route({
    method: 'POST',
    path: '/users',
    input: z.object({
      name,
      password: newPassword,
      role: z.enum(HQ_ROLES),
      storeIds: z.array(z.string().uuid()).max(1000).default([])
    }),
    output: hqUserSchema,
    roles: OWNER
  }),
  /** Changes a user's role and (for a manager) stores. The last owner may not be demoted. */
  updateUser: route({
    method: 'POST',
    path: '/users/update',
    input: z.object({
      id: z.string().uuid(),
      role: z.enum(HQ_ROLES),
      storeIds: z.array(z.string().uuid()).max(1000).default([])
    }),
    output: hqUserSchema,
    roles: OWNER
  }),
  /** Sets a new password for a user (and lifts a lock-out); their sessions end. */
  resetPassword: route({
    method: 'POST',
    path: '/users/reset-password',
    input: z.object({ id: z.string().uuid(), password: newPassword }),
    output: hqUserSchema,
    roles: OWNER
  }),
  /** Lifts a lock-out after wrong passwords at once. */
  unlockUser: route({
    method: 'POST',
    path: '/users/unlock',
    input: z.object({ id: z.string().uuid() }),
    output: hqUserSchema,
    roles: OWNER
  }),
  /**
   * Deactivates a user: they can no longer sign in and their sessions end, but they stay in the
   * list and the audit trail and can be reactivated. Never the last active owner.
   */
  deactivateUser: route({
    method: 'POST',
    path: '/users/deactivate',
    input: z.object({ id: z.string().uuid() }),
    output: hqUserSchema,
    roles: OWNER
  }),
  /** Lets a deactivated user sign in again (with their password as it was). */
  reactivateUser: route({
    method: 'POST',
    path: '/users/reactivate',
    input: z.object({ id: z.string().uuid() }),
    output: hqUserSchema,
    roles: OWNER
  })
}
