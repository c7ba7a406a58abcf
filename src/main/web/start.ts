import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCore } from '../app/create-core'
import { defaultDataDir } from '../core/data-dir'
import { startWebServer } from './server'

declare const __KASSA_VERSION__: string

/** `npm run web`: the desktop app's core in plain Node, serving the built renderer. */
async function main(): Promise<void> {
  const dataDir = resolve(defaultDataDir())
  const port = process.env.KASSA_PORT ? Number(process.env.KASSA_PORT) : 5190
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`error: KASSA_PORT: must be a port number, got ${process.env.KASSA_PORT}\n`)
    process.exit(2)
  }
  // Bundled as out/node/web.cjs, the renderer is its sibling out/renderer.
  const rendererDir = resolve(process.env.KASSA_RENDERER_DIR ?? join(__dirname, '..', 'renderer'))
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`error: the renderer is not built (${rendererDir}); run npm run build:web\n`)
    process.exit(1)
  }

  const version =
    typeof __KASSA_VERSION__ === 'string' ? __KASSA_VERSION__ : (process.env.npm_package_version ?? 'dev')
  const payments = {
    mode: process.env.KASSA_PAYMENTS === 'off' ? ('off' as const) : ('sandbox' as const),
    offline: process.env.KASSA_SANDBOX_OFFLINE === '1'
  }
  const core = await createCore({ dataDir, mode: 'web', version, payments, sync: { background: true } })
  const server = await startWebServer({ core, rendererDir, port })
  process.stdout.write(`Kassa is running at ${server.url}\nData: ${dataDir}\n`)

  const stop = (): void => {
    void server.close().then(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
