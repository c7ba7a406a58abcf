// A till that sells without end and syncs in the background, for the kill -9 test: started as its
// own process (node --import tsx), it prints "sold N" after each committed sale.
import { createCore } from '../../../src/main/app/create-core'
import { silentLogger } from '../../../src/main/core/logger'
import { SIM_STAFF } from '../../../src/main/simulate/sim-staff'

async function main(): Promise<void> {
  const dataDir = process.argv[2]!
  const core = await createCore({
    dataDir,
    mode: 'web',
    version: 'test',
    logger: silentLogger,
    payments: { mode: 'off' },
    sync: { background: true, pushIntervalMs: 50, pullWaitSeconds: 1, backoff: { minMs: 20, maxMs: 200 } }
  })
  const session = 'selling-till'
  core.sessions.open(session, new Date())
  const call = async (channel: string, input: unknown) => {
    const result = await core.router.dispatch(channel, input, { sessionId: session })
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as { id: string }
  }
  await call('auth:login', { username: SIM_STAFF.cashier.username, password: SIM_STAFF.cashier.password })
  const current = (await call('shifts:current', {})) as unknown as { shift: unknown }
  if (!current.shift) await call('shifts:open', { counts: {} })
  for (let n = 1; ; n++) {
    const cart = await call('cart:open', {})
    await call('cart:add-item', { cartId: cart.id, code: 'DRK-001' })
    await call('checkout:begin', {
      cartId: cart.id,
      cash: { tendered: '100' },
      checkoutKey: `kill-test-${process.pid}-${n}`
    })
    process.stdout.write(`sold ${n}\n`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
