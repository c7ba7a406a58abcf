import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'
import { sandboxPaymentsConfig } from '../../../src/main/payments/config'
import { createPaymentProviders, type PaymentProviders } from '../../../src/main/payments/create-providers'
import type { NotificationRejectedError } from '../../../src/main/payments/errors'
import {
  startNotificationListener,
  type NotificationListener
} from '../../../src/main/payments/notification-listener'
import type {
  PaymentNotification,
  PaymentOutcome,
  PaymentProvider
} from '../../../src/main/payments/provider'
import type { ScenarioInput } from '../../../src/main/payments/sandbox/scenarios'
import {
  startSandboxGateway,
  type SandboxGateway
} from '../../../src/main/payments/sandbox/start-sandbox-gateway'

/** One data dir per test file: the sandbox keys are generated once and reused, as in real use. */
const dataDir = mkdtempSync(join(tmpdir(), 'kassa-payments-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

export interface PaymentsFixture {
  gateway: SandboxGateway
  providers: Required<PaymentProviders>
  listener: NotificationListener
  events: PaymentNotification[]
  rejected: { provider: string; error: NotificationRejectedError }[]
  /** Seeds a scenario over the control API, as the customer panel or a test would. */
  seed(tradeNo: string, scenario: ScenarioInput): Promise<void>
  control(method: string, path: string, body?: unknown): Promise<{ status: number; data: unknown }>
}

const open: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close()
})

/** A gateway, the real adapters pointed at it, and a notification listener, closed after the test. */
export async function startPayments(
  options: { seed?: number; timeoutMs?: number; defaultScenario?: ScenarioInput } = {}
): Promise<PaymentsFixture> {
  const gateway = await startSandboxGateway({
    dataDir,
    seed: options.seed ?? 42,
    ...(options.defaultScenario ? { defaultScenario: options.defaultScenario } : {})
  })
  open.push(() => gateway.close())
  const providers = createPaymentProviders(
    sandboxPaymentsConfig(gateway, { timeoutMs: options.timeoutMs ?? 1000 })
  ) as Required<PaymentProviders>
  const events: PaymentNotification[] = []
  const rejected: PaymentsFixture['rejected'] = []
  const listener = await startNotificationListener({
    providers: { alipay: providers.alipay, wechat: providers.wechat },
    onEvent: (event) => {
      events.push(event)
    },
    onRejected: (provider, error) => rejected.push({ provider, error })
  })
  open.push(() => listener.close())
  const control = async (
    method: string,
    path: string,
    body?: unknown
  ): Promise<{ status: number; data: unknown }> => {
    const response = await fetch(`${gateway.url}/sandbox/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-sandbox-control': gateway.controlSecret },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, data: text ? JSON.parse(text) : undefined }
  }
  return {
    gateway,
    providers,
    listener,
    events,
    rejected,
    control,
    seed: async (tradeNo, scenario) => {
      const { status } = await control('PUT', `/scenarios/${encodeURIComponent(tradeNo)}`, scenario)
      if (status !== 204) throw new Error(`seeding ${tradeNo} answered ${status}`)
    }
  }
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Polls like the till will (faster): until the provider gives a definite answer. */
export async function pollUntilDefinite(
  provider: PaymentProvider,
  tradeNo: string,
  timeoutMs = 5000
): Promise<PaymentOutcome> {
  return waitFor(async () => {
    const outcome = await provider.query(tradeNo)
    return ['succeeded', 'failed', 'closed', 'reversed'].includes(outcome.status) ? outcome : undefined
  }, timeoutMs)
}

let counter = 0
/** A fresh trade number per attempt, like the till's `T01-000123-1`. */
export function tradeNo(prefix = 'T01'): string {
  counter += 1
  return `${prefix}${String(process.pid).slice(-3)}${String(Date.now()).slice(-6)}${String(counter).padStart(4, '0')}`
}

export const ALIPAY_CODE = '286543210987654321'
export const WECHAT_CODE = '134567890123456789'
