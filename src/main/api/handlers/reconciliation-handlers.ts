import type { SessionRegistry } from '../../core/sessions'
import type { ReconciliationService } from '../../services/reconciliation/reconciliation-service'
import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'

/** Provider reconciliation: fetch or import a day's bill, and read the stored results. */
export function registerReconciliationHandlers(
  router: Router,
  deps: { reconciliation: ReconciliationService; sessions: SessionRegistry }
): void {
  const { reconciliation, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('reconciliation:run', (input, ctx) => reconciliation.run(input, actor(ctx)))
  router.handle('reconciliation:import', (input, ctx) => reconciliation.import(input, actor(ctx)))
  router.handle('reconciliation:list', (input) => reconciliation.list(input))
  router.handle('reconciliation:get', (input) => reconciliation.get(input))
}
