import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AlipayGateway } from './alipay-gateway'
import { WechatGateway } from './wechat-gateway'
import { CardTerminal } from './card-terminal'
import { ControlApi } from './control-api'
import { HeldRequests } from './hold'
import { sendJson } from './http-util'
import { refuseForeignRequest } from './request-guard'
import { Notifier } from './notifier'
import { loadOrCreateSandboxKeys, type SandboxKeys } from './sandbox-keys'
import { DEFAULT_SCENARIO, parseScenario, type Scenario, type ScenarioInput } from './scenarios'
import { createSeededRandom } from './seeded-random'
import { DEFAULT_FEE_RATES, TradeBook, type SandboxProvider, type SandboxTrade } from './trade-book'

export interface SandboxGatewayOptions {
  /** Keys live in `<dataDir>/sandbox-keys/`, created on first run. */
  dataDir: string
  /** Seeds the generator behind every made-up number, so a failing run replays. */
  seed?: number
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number
  /** What trades without a seeded scenario do (default: the customer pays after 2 s). */
  defaultScenario?: ScenarioInput
  feeRates?: Partial<Record<SandboxProvider, string>>
}

export interface SandboxGateway {
  /** `http://127.0.0.1:<port>` */
  url: string
  keys: SandboxKeys
  /**
   * This run's secret for the control API (`/sandbox/v1/…`, the customer device): sent as
   * the `X-Sandbox-Control` header. Only the till's main process knows it.
   */
  controlSecret: string
  /** Seeds one trade's scenario, as `PUT /sandbox/v1/scenarios/{tradeNo}` does. */
  setScenario(tradeNo: string, scenario: ScenarioInput): void
  trade(provider: SandboxProvider, tradeNo: string): SandboxTrade | undefined
  close(): Promise<void>
}

/**
 * Starts the local stand-in for Alipay's and WeChat Pay's gateways and the card terminal, all on one
 * 127.0.0.1 port: `/gateway.do` (Alipay), `/v3/…`, `/pay/micropay`, `/secapi/pay/reverse` (WeChat),
 * `/terminal/v1/…` (card) and `/sandbox/v1/…` (control). The official SDKs talk to it unchanged.
 */
export async function startSandboxGateway(options: SandboxGatewayOptions): Promise<SandboxGateway> {
  const keys = loadOrCreateSandboxKeys(options.dataDir)
  const random = createSeededRandom(options.seed ?? 1)
  const defaultScenario: Scenario = { ...DEFAULT_SCENARIO, ...parseScenario(options.defaultScenario ?? {}) }
  const book = new TradeBook({
    random,
    defaultScenario,
    feeRates: { ...DEFAULT_FEE_RATES, ...options.feeRates },
    now: () => new Date()
  })
  const held = new HeldRequests()
  let url = ''
  const baseUrl = (): string => url
  const alipay = new AlipayGateway(book, keys, held, baseUrl)
  const wechat = new WechatGateway(book, keys, held, baseUrl)
  const terminal = new CardTerminal(book, keys, held)
  const notifier = new Notifier(book, { alipay: alipay.render, wechat: wechat.render })
  alipay.notifierSettle = (trade) => notifier.settle(trade)
  wechat.notifierSettle = (trade) => notifier.settle(trade)
  const control = new ControlApi(book, notifier, terminal)
  const handlers = [control, alipay, wechat, terminal]
  const controlSecret = randomBytes(32).toString('base64url')
  let port = 0

  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', url || 'http://127.0.0.1')
    void (async () => {
      try {
        const refusal = refuseForeignRequest(req, requestUrl, { port, controlSecret })
        if (refusal) return sendJson(res, refusal.status, { error: refusal.error })
        for (const handler of handlers) {
          if (await handler.handle(req, res, requestUrl)) return
        }
        sendJson(res, 404, { error: 'not_found' })
      } catch (error) {
        if (!res.headersSent)
          sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) })
        else res.destroy()
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}`

  return {
    url,
    keys,
    controlSecret,
    setScenario: (tradeNo, scenario) => book.setScenario(tradeNo, parseScenario(scenario)),
    trade: (provider, tradeNo) => book.get(provider, tradeNo),
    close: async () => {
      book.stop()
      notifier.close()
      held.dropAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
