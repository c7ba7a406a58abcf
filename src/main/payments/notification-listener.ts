import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { NotificationRejectedError } from './errors'
import type { PaymentNotification, PaymentProvider } from './provider'

export interface NotificationListener {
  /** `http://127.0.0.1:<port>/notify/<provider>`: what to pass as `notifyUrl`. */
  urlFor(provider: 'alipay' | 'wechat'): string
  close(): Promise<void>
}

/**
 * Receives provider notifications on 127.0.0.1, verifies them through the adapter, hands accepted
 * ones to `onEvent` and answers each provider in its own dialect. Rejected ones get the provider's
 * error answer (and are never passed on).
 *
 * A till behind a shop's router cannot be reached by the real providers: in production this
 * endpoint belongs on a public server that forwards, and polling stays the till's primary signal.
 * In sandbox mode the gateway posts here directly.
 */
export async function startNotificationListener(options: {
  providers: Partial<Record<'alipay' | 'wechat', PaymentProvider>>
  onEvent: (event: PaymentNotification) => void | Promise<void>
  onRejected?: (provider: string, error: NotificationRejectedError) => void
  port?: number
}): Promise<NotificationListener> {
  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/notify\/(alipay|wechat)$/.exec(req.url ?? '')
      const provider = match ? options.providers[match[1] as 'alipay' | 'wechat'] : undefined
      if (req.method !== 'POST' || !provider) {
        res.writeHead(404).end()
        return
      }
      let accepted = false
      try {
        const event = provider.parseNotification({ headers: req.headers, body: await readBody(req) })
        await options.onEvent(event)
        accepted = true
      } catch (error) {
        if (!(error instanceof NotificationRejectedError)) throw error
        options.onRejected?.(provider.id, error)
      }
      const reply = provider.notificationReply(accepted)
      res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body)
    })().catch(() => {
      // Anything unexpected: answer an error so the provider redelivers later.
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    urlFor: (provider) => `${base}/notify/${provider}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
