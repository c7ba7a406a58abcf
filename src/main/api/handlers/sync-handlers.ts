import type { SessionRegistry } from '../../core/sessions'
import type { SyncService } from '../../sync/sync-service'
import { actorOf } from '../actor'
import type { Router } from '../router'

export function registerSyncHandlers(
  router: Router,
  deps: { sync: SyncService; sessions: SessionRegistry }
): void {
  const { sync, sessions } = deps
  router.handle('sync:status', () => sync.status())
  router.handle('sync:now', () => sync.syncNow())
  router.handle('sync:enrol', (input, ctx) => sync.enrol(input, actorOf(sessions, ctx)))
  router.handle('sync:unenrol', (_input, ctx) => sync.unenrol(actorOf(sessions, ctx)))
  router.handle('sync:export-outbox', () => sync.exportOutbox())
}
