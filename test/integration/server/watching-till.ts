// A till that syncs in the background (long-poll 25 s) and watches one barcode's price, for the
// head office's "a price change reaches an online till" test: started as its own process (node
// --import tsx) so ending it closes its connections for sure. Prints "price N" (minor units) each
// time the till's own catalog answers a new price.
import { createCore } from '../../../src/main/app/create-core'
import { silentLogger } from '../../../src/main/core/logger'

async function main(): Promise<void> {
  const [dataDir, username, password, code] = process.argv.slice(2) as [string, string, string, string]
  const core = await createCore({
    dataDir,
    mode: 'web',
    version: 'test',
    logger: silentLogger,
    payments: { mode: 'off' },
    sync: { background: true, pullWaitSeconds: 25 }
  })
  const session = 'watching-till'
  core.sessions.open(session, new Date())
  const login = await core.router.dispatch('auth:login', { username, password }, { sessionId: session })
  if (!login.ok) throw new Error(`auth:login: ${login.error.message}`)
  let last: number | null = null
  for (;;) {
    const found = await core.router.dispatch('catalog:lookup-code', { code }, { sessionId: session })
    const price = found.ok ? (found.value as { priceMinor: number }).priceMinor : null
    if (price !== last) process.stdout.write(`price ${price}\n`)
    last = price
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
