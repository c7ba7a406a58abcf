import { DomainError } from '../../domain/errors'
import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-deps'

/** The channels of `contract/channels/tenders.ts`: checkout, tenders, payment availability, the sandbox's customer panel. */
export function registerTendersHandlers(router: Router, deps: SellDeps): void {
  const { tenders, payments, recovered, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  // Payments wait for the restart recovery, so nothing is decided on stale attempts. Once it has
  // finished (`recovered` never rejects: a failure is logged), a checkout goes straight on instead
  // of through a settled promise on every sale (issue 12).
  let recoveryDone = false
  void recovered.then(() => {
    recoveryDone = true
  })
  const afterRecovery = <T>(work: () => T): T | Promise<T> => (recoveryDone ? work() : recovered.then(work))
  router.handle('checkout:begin', (input, ctx) => afterRecovery(() => tenders.begin(input, actor(ctx))))
  router.handle('checkout:state', (input, ctx) =>
    afterRecovery(() => tenders.sessionFor(input.orderId, actor(ctx)))
  )
  router.handle('checkout:cancel', (input, ctx) =>
    afterRecovery(() => tenders.cancelOrder(input.orderId, actor(ctx)))
  )
  router.handle('tenders:add', async (input, ctx) => {
    await recovered
    return tenders.add(input, actor(ctx))
  })
  router.handle('tenders:cancel', async (input, ctx) => {
    await recovered
    return tenders.cancelTender(input.tenderId, actor(ctx))
  })
  router.handle('payments:availability', async () => {
    const reachable = await payments.reachable()
    const provider = { available: reachable.ok, reason: reachable.reason }
    return {
      sandbox: payments.sandbox,
      methods: { cash: { available: true, reason: null }, card: provider, alipay: provider, wechat: provider }
    }
  })
  const sandboxOnly = () => {
    if (!payments.sandbox)
      throw new DomainError('UNAVAILABLE', 'The customer panel exists only in sandbox mode', undefined, {
        key: 'errors.payments.sandboxOnly'
      })
  }
  router.handle('sandbox:trades', async () => {
    sandboxOnly()
    const { trades } = (await payments.sandboxRequest('GET', '/trades?open=1')) as {
      trades: Array<{
        provider: 'alipay' | 'wechat' | 'card'
        tradeNo: string
        amount: number
        state: string
        waitingFor: string | null
      }>
    }
    const needs = { scan: 'scan', confirm: 'approve', password: 'password', card: 'card' } as const
    return trades.map((t) => ({
      provider: t.provider,
      tradeNo: t.tradeNo,
      amount: t.amount,
      state: t.state,
      needs: t.waitingFor ? (needs[t.waitingFor as keyof typeof needs] ?? 'none') : 'none'
    }))
  })
  router.handle('sandbox:act', async (input) => {
    sandboxOnly()
    const path = `/trades/${input.provider}/${encodeURIComponent(input.tradeNo)}/${input.action}`
    const body =
      input.action === 'password'
        ? { password: input.password }
        : input.action === 'card'
          ? { pan: input.pan, pin: input.pin }
          : {}
    try {
      const trade = (await payments.sandboxRequest('POST', path, body)) as { state: string }
      return { state: trade.state }
    } catch (error) {
      throw new DomainError('CONFLICT', error instanceof Error ? error.message : String(error), undefined, {
        key: 'errors.payments.sandboxRefused',
        params: { reason: error instanceof Error ? error.message : String(error) }
      })
    }
  })
}
