import type { SessionRegistry } from '../../core/sessions'
import type { LossPreventionService } from '../../services/loss-prevention-service'
import { actorOf } from '../actor'
import type { Router } from '../router'

/** Loss prevention: the approval thresholds Settings edits. */
export function registerApprovalsHandlers(
  router: Router,
  deps: { lossPrevention: LossPreventionService; sessions: SessionRegistry }
): void {
  const { lossPrevention, sessions } = deps
  router.handle('approvals:get-policy', () => lossPrevention.get())
  router.handle('approvals:update-policy', (input, ctx) =>
    lossPrevention.update(input, actorOf(sessions, ctx))
  )
}
