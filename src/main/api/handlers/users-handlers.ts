import type { AccountsService } from '../../services/accounts-service'
import type { UsersService } from '../../services/users-service'
import type { Router } from '../router'

export function registerUsersHandlers(
  router: Router,
  deps: { accounts: AccountsService; users: UsersService }
): void {
  const { accounts, users } = deps
  router.handle('users:list', () => users.list())
  router.handle('users:create', (input, ctx) =>
    users.create(input, accounts.currentUser(ctx.sessionId).id, ctx.approverUserId ?? null)
  )
  router.handle('users:update', (input, ctx) =>
    users.update(input, accounts.currentUser(ctx.sessionId).id, ctx.approverUserId ?? null)
  )
}
