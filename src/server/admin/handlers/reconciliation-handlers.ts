import type { reconciliationApi } from '@shared/hq-api/reconciliation'
import { reconcileBill } from '../../reconciliation/reconcile-bill'
import { listRuns, runView } from '../../reconciliation/recon-runs'
import type { AreaHandlers } from '../context'
import { notFound } from '../refusal'

/** Provider bills matched against every till (see `src/server/reconciliation`). */
export const reconciliationHandlers: AreaHandlers<typeof reconciliationApi> = {
  /** VALIDATION on `fileBase64` (not that provider's bill) or `date` (another day's bill); audited. */
  async run(input, ctx) {
    return reconcileBill(ctx.db, ctx.clock, input, {
      userId: ctx.user.id,
      audit: (tx, details, id) => ctx.audit(tx, { action: 'reconciliation.run', subject: id, details })
    })
  },

  async list(input, ctx) {
    return { runs: await listRuns(ctx.db, input) }
  },

  /** NOT_FOUND on `id`. */
  async get(input, ctx) {
    const run = await runView(ctx.db, input.id)
    if (!run) throw notFound('reconciliation run', 'id', 'errors.hq.reconciliation.unknownRun')
    return run
  }
}
