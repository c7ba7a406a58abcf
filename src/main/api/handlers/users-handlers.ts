import type { UsersService } from '../../services/users-service'
import type { SessionRegistry } from '../../core/sessions'
import { actorOf } from '../actor'
import type { Router } from '../router'

export function registerUsersHandlers(
  router: Router,
  deps: { users: UsersService; sessions: SessionRegistry }
): void {
  const { users, sessions } = deps
  router.handle('users:list', () => users.list())
  router.handle('users:create', (input, ctx) => users.create(input, actorOf(sessions, ctx)))
  router.handle('users:update', (input, ctx) => users.update(input, actorOf(sessions, ctx)))
}
