import type { authApi } from '@shared/hq-api/auth'
import { hashSecret } from '../../../main/services/secret-hash'
import { checkLogin } from '../auth/login'
import { changeRole, deactivate, reactivate, setPassword, unlock } from '../auth/user-admin'
import { countUsers, insertUser, userView } from '../auth/users-repo'
import type { AreaHandlers } from '../context'
import { HqRefusal } from '../refusal'

/** Sign-in, first-run set-up, sign-out and the people of the head office. */
export const authHandlers: AreaHandlers<typeof authApi> = {
  async session(_input, ctx) {
    return { setupNeeded: (await countUsers(ctx.db)) === 0, user: ctx.user }
  },

  /** First run: the first visit makes the owner. CONFLICT `errors.hq.auth.alreadySetUp` once anyone exists. */
  async setup(input, ctx) {
    const passwordHash = await hashSecret(input.password, ctx.hashParams)
    return ctx.db.transaction(async (tx) => {
      // In the transaction that inserts: two first visits at once make one owner.
      if ((await countUsers(tx)) > 0)
        throw new HqRefusal(
          'CONFLICT',
          'the head office is already set up: sign in',
          'errors.hq.auth.alreadySetUp'
        )
      const user = await insertUser(
        tx,
        { name: input.name, passwordHash, role: 'owner', storeIds: [] },
        ctx.clock.now()
      )
      await ctx.audit(tx, { action: 'auth.setup', subject: user.id, details: { name: user.name } }, user.id)
      await ctx.startSession(tx, user.id)
      return user
    })
  },

  async login(input, ctx) {
    const row = await checkLogin(ctx.db, () => ctx.clock.now(), input.name, input.password)
    return ctx.db.transaction(async (tx) => {
      await ctx.audit(tx, { action: 'auth.login', subject: row.id }, row.id)
      await ctx.startSession(tx, row.id)
      return userView(tx, row)
    })
  },

  async logout(_input, ctx) {
    await ctx.db.transaction(async (tx) => {
      await ctx.audit(tx, { action: 'auth.logout', subject: ctx.user.id })
      await ctx.endSession(tx)
    })
    return {}
  },

  async listUsers(_input, ctx) {
    const rows = await ctx.db.query<{
      id: string
      name: string
      role: 'owner'
      created_at: string
      locked_until: string | null
      deactivated_at: string | null
    }>('SELECT id, name, role, created_at, locked_until, deactivated_at FROM hq_users ORDER BY name')
    const now = ctx.clock.now().getTime()
    const users = []
    for (const row of rows)
      users.push({
        ...(await userView(ctx.db, row)),
        locked: row.locked_until !== null && Date.parse(row.locked_until) > now
      })
    return { users }
  },

  async createUser(input, ctx) {
    const passwordHash = await hashSecret(input.password, ctx.hashParams)
    return ctx.db.transaction(async (tx) => {
      const user = await insertUser(tx, { ...input, passwordHash }, ctx.clock.now())
      await ctx.audit(tx, {
        action: 'users.create',
        subject: user.id,
        details: { name: user.name, role: user.role, storeIds: user.storeIds }
      })
      return user
    })
  },

  async updateUser(input, ctx) {
    return ctx.db.transaction(async (tx) => {
      const { before, after } = await changeRole(tx, input.id, input.role, input.storeIds)
      await ctx.audit(tx, {
        action: 'users.update',
        subject: after.id,
        details: {
          name: after.name,
          from: { role: before.role, storeIds: before.storeIds },
          to: { role: after.role, storeIds: after.storeIds }
        }
      })
      return after
    })
  },

  /** The new password is hashed before the transaction and never recorded; the user's sessions end. */
  async resetPassword(input, ctx) {
    const passwordHash = await hashSecret(input.password, ctx.hashParams)
    return ctx.db.transaction(async (tx) => {
      const user = await setPassword(tx, input.id, passwordHash)
      await ctx.audit(tx, { action: 'users.resetPassword', subject: user.id, details: { name: user.name } })
      return user
    })
  },

  async unlockUser(input, ctx) {
    return ctx.db.transaction(async (tx) => {
      const user = await unlock(tx, input.id)
      await ctx.audit(tx, { action: 'users.unlock', subject: user.id, details: { name: user.name } })
      return user
    })
  },

  async deactivateUser(input, ctx) {
    return ctx.db.transaction(async (tx) => {
      const user = await deactivate(tx, input.id, ctx.clock.now())
      await ctx.audit(tx, {
        action: 'users.deactivate',
        subject: user.id,
        details: { name: user.name, role: user.role }
      })
      return user
    })
  },

  async reactivateUser(input, ctx) {
    return ctx.db.transaction(async (tx) => {
      const user = await reactivate(tx, input.id)
      await ctx.audit(tx, {
        action: 'users.reactivate',
        subject: user.id,
        details: { name: user.name, role: user.role }
      })
      return user
    })
  }
}
