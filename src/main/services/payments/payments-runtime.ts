import type { Logger } from '../../core/logger'
import { sandboxPaymentsConfig } from '../../payments/config'
import { createPaymentProviders, type PaymentProviders } from '../../payments/create-providers'
import { startNotificationListener, type NotificationListener } from '../../payments/notification-listener'
import type { PaymentFlow, PaymentNotification, PaymentProvider } from '../../payments/provider'
import { loadOrCreateSandboxKeys } from '../../payments/sandbox/sandbox-keys'
import { CONTROL_SECRET_HEADER } from '../../payments/sandbox/request-guard'
import type { ScenarioInput } from '../../payments/sandbox/scenarios'
import { startSandboxGateway, type SandboxGateway } from '../../payments/sandbox/start-sandbox-gateway'

export type ProviderMethod = 'card' | 'alipay' | 'wechat'

export interface PaymentsRuntimeOptions {
  dataDir: string
  /** `sandbox` (default: development, demos, tests, training) starts the local gateway. */
  mode: 'sandbox' | 'off'
  /** Sandbox only: start with the gateway unreachable, as when the shop's network is down. */
  offline?: boolean
  /** Sandbox only: what the simulated customer does with a new trade (default: waits for the panel). */
  scenarioFor?: (flow: PaymentFlow) => ScenarioInput
  /** Seconds a provider call may take before it counts as a timeout (outcome unknown). */
  timeoutMs?: number
  logger: Logger
}

/** A handler of verified provider notifications (the tenders service's `applyNotification`). */
export type NotificationHandler = (event: PaymentNotification) => void | Promise<void>

/**
 * None of these raise a DomainError: a missing provider or sandbox is a set-up fault (a plain
 * Error, INTERNAL at the router); the tenders service turns an unreachable gateway into UNAVAILABLE `method`
 * `errors.payments.methodUnavailable`.
 */
export interface PaymentsRuntime {
  /** True in sandbox mode: the customer-device panel and `sandboxRequest` exist. */
  readonly sandbox: boolean
  /**
   * The adapter for a method, starting the runtime on first use.
   * @throws Error when the method has no provider configured (mode `off` has none)
   */
  provider(method: ProviderMethod): Promise<PaymentProvider>
  /** Where the QR provider should notify (the listener's URL); undefined for card or before start. */
  notifyUrl(method: ProviderMethod): string | undefined
  /**
   * Can the provider's gateway be reached now? Cached for 3 s; `reason` is English text (the
   * tenders service's refusal message when a payment is tried anyway). Raises nothing.
   */
  reachable(): Promise<{ ok: boolean; reason: string | null }>
  /** Sandbox only (else a no-op): tells the simulated customer how to behave for this trade. */
  prepareTrade(tradeNo: string, flow: PaymentFlow): void
  /**
   * Sandbox only: a call to the gateway's `/sandbox/v1` control API (the customer-device panel),
   * authenticated with the gateway's control secret; answers the parsed JSON body.
   * @throws Error outside sandbox mode, when the gateway is not running, or on a non-2xx answer
   */
  sandboxRequest(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>
  /**
   * Subscribes to the providers' notifications, verified by their adapters; returns the unsubscribe.
   * A notification that arrives while nobody is subscribed, or that a handler fails on, is answered
   * with an error, so the provider delivers it again.
   */
  onNotification(handler: NotificationHandler): () => void
  /** Drops the subscribers and stops the listener and sandbox gateway, if they were started. */
  close(): Promise<void>
}

/** Where nothing listens: what the providers are pointed at when the network is "down". */
const UNREACHABLE = 'http://127.0.0.1:9'

/**
 * The payment side of the core: the providers, the sandbox gateway in sandbox mode, and
 * the listener for their notifications. Started lazily, on the first payment or status
 * check, so opening a till (or a test's store) costs nothing until someone pays by card.
 */
export function createPaymentsRuntime(options: PaymentsRuntimeOptions): PaymentsRuntime {
  let started: Promise<{
    providers: PaymentProviders
    gateway: SandboxGateway | null
    listener: NotificationListener | null
  }> | null = null
  let health: { at: number; value: { ok: boolean; reason: string | null } } | null = null
  let current: { gateway: SandboxGateway | null; listener: NotificationListener | null } | null = null
  const handlers = new Set<NotificationHandler>()
  const deliver = async (event: PaymentNotification): Promise<void> => {
    if (handlers.size === 0) throw new Error('no one is listening for payment notifications yet')
    for (const handler of handlers) await handler(event)
  }

  const start = () =>
    (started ??= (async () => {
      if (options.mode === 'off')
        return { providers: createPaymentProviders({ currency: 'CNY' }), gateway: null, listener: null }
      const gateway = options.offline
        ? null
        : await startSandboxGateway({ dataDir: options.dataDir, defaultScenario: { customer: 'manual' } })
      const keys = gateway?.keys ?? loadOrCreateSandboxKeys(options.dataDir)
      const providers = createPaymentProviders(
        sandboxPaymentsConfig(
          { url: gateway?.url ?? UNREACHABLE, keys },
          { timeoutMs: options.timeoutMs ?? 8000 }
        )
      )
      const listener = await startNotificationListener({
        providers: {
          ...(providers.alipay ? { alipay: providers.alipay } : {}),
          ...(providers.wechat ? { wechat: providers.wechat } : {})
        },
        onEvent: deliver,
        onRejected: (provider, error) =>
          options.logger.warn('payments.notification_rejected', { provider, reason: error.message })
      })
      current = { gateway, listener }
      return { providers, gateway, listener }
    })())

  return {
    sandbox: options.mode === 'sandbox',

    async provider(method) {
      const { providers } = await start()
      const provider = providers[method]
      if (!provider) throw new Error(`${method} is not configured`)
      return provider
    },

    notifyUrl(method) {
      // Card terminals answer the till directly; only the QR providers notify.
      if (method === 'card') return undefined
      return current?.listener?.urlFor(method)
    },

    async reachable() {
      if (health && Date.now() - health.at < 3000) return health.value
      const { gateway } = await start()
      let value: { ok: boolean; reason: string | null }
      if (options.mode === 'off')
        value = { ok: false, reason: 'Card and QR payments are not set up on this till' }
      else {
        try {
          const response = await fetch(`${gateway?.url ?? UNREACHABLE}/sandbox/v1/health`, {
            signal: AbortSignal.timeout(1500)
          })
          value = response.ok
            ? { ok: true, reason: null }
            : { ok: false, reason: `The payment gateway answered ${response.status}` }
        } catch {
          value = { ok: false, reason: 'The payment gateway cannot be reached (network down?)' }
        }
      }
      health = { at: Date.now(), value }
      return value
    },

    prepareTrade(tradeNo, flow) {
      if (options.mode !== 'sandbox') return
      const scenario =
        options.scenarioFor?.(flow) ??
        (flow === 'customer_code' ? { customer: 'password' as const } : { customer: 'manual' as const })
      current?.gateway?.setScenario(tradeNo, scenario)
    },

    async sandboxRequest(method, path, body) {
      // The customer device exists only in sandbox mode; with real providers nothing answers.
      if (options.mode !== 'sandbox') throw new Error('the sandbox is not running in this payment mode')
      const { gateway } = await start()
      if (!gateway) throw new Error('the sandbox gateway is not running')
      const response = await fetch(`${gateway.url}/sandbox/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', [CONTROL_SECRET_HEADER]: gateway.controlSecret },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      const text = await response.text()
      const value = text ? (JSON.parse(text) as unknown) : {}
      if (!response.ok)
        throw new Error((value as { error?: string }).error ?? `sandbox answered ${response.status}`)
      return value
    },

    onNotification(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },

    async close() {
      handlers.clear()
      if (!started) return
      const { gateway, listener } = await started
      await listener?.close()
      await gateway?.close()
    }
  }
}
