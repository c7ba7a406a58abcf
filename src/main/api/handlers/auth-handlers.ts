import type { AccountsService } from '../../services/accounts-service'
import type { UsersService } from '../../services/users-service'
import type { SessionRegistry } from '../../core/sessions'
import { actorOf } from '../actor'
import type { Router } from '../router'

export function registerAuthHandlers(
  router: Router,
  deps: { accounts: AccountsService; users: UsersService; sessions: SessionRegistry }
): void {
  const { accounts, users, sessions } = deps
  router.handle('auth:status', (_input, ctx) => accounts.status(ctx.sessionId))
  router.handle('auth:setup', (input, ctx) => accounts.setup(ctx.sessionId, input))
  router.handle('auth:login', (input, ctx) => accounts.login(ctx.sessionId, input))
  router.handle('auth:unlock', (input, ctx) => accounts.unlock(ctx.sessionId, input))
  router.handle('auth:switch', (input, ctx) => accounts.switchUser(ctx.sessionId, input))
  router.handle('auth:lock', (_input, ctx) => accounts.lock(ctx.sessionId))
  router.handle('auth:logout', (_input, ctx) => accounts.logout(ctx.sessionId))
  // The gate has already counted the call as activity; this only answers the current limit.
  router.handle('auth:activity', () => ({ idleLockMinutes: accounts.getSecurity().idleLockMinutes }))
  router.handle('profile:get', (_input, ctx) => accounts.currentProfile(ctx.sessionId))
  router.handle('profile:update', (input, ctx) => users.updateOwn(accounts.currentUser(ctx.sessionId), input))
  router.handle('security:get', () => accounts.getSecurity())
  router.handle('security:update', (input, ctx) => accounts.updateSecurity(input, actorOf(sessions, ctx)))
  router.handle('audit:verify', () => accounts.verifyAudit())
}
