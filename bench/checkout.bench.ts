import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Bench, BenchRow } from './bench'
import { createCore, type Core } from '../src/main/app/create-core'
import { silentLogger } from '../src/main/core/logger'
import type { Database, Statement } from 'better-sqlite3'
import { openConnection } from '../src/main/store/connection'

const CHECKOUTS = 300
const ROUNDS = 10
export const LINES = 3

type Row = Record<string, unknown>

/**
 * The baseline: the rows one checkout really writes, replayed with bare prepared statements into a
 * copy of the same file, one IMMEDIATE transaction per checkout. Read back from the till after each
 * round of checkouts, so every value (the outbox payload, the audit details and hash, the frozen
 * figures) is the very one the checkout wrote: its 3 draft lines' frozen figures, the order number
 * counter, the order row (draft → paid, one UPDATE), the cash payment, the sale's journal entry and
 * lines, the audit entry and the outbox event.
 */
export function bareCheckout(bare: Database, till: Database) {
  const read = {
    order: till.prepare<[string], Row>('SELECT * FROM orders WHERE id = ?'),
    lines: till.prepare<[string], Row>('SELECT * FROM order_lines WHERE order_id = ? ORDER BY position'),
    payments: till.prepare<[string], Row>('SELECT * FROM payments WHERE order_id = ?'),
    entries: till.prepare<[string], Row>('SELECT * FROM journal_entries WHERE order_id = ?'),
    entryLines: till.prepare<[string], Row>('SELECT * FROM journal_lines WHERE entry_id = ? ORDER BY line'),
    audit: till.prepare<[string], Row>("SELECT * FROM audit_log WHERE subject = ? AND action = 'order.paid'"),
    outbox: till.prepare<[string], Row>("SELECT * FROM outbox WHERE aggregate_id = ? AND type = 'order.paid'")
  }
  const line = bare.prepare(`
    UPDATE order_lines SET gross = @gross, line_discount = @line_discount, net = @net, order_discount = @order_discount,
      net_after_discount = @net_after_discount, tax = @tax, total = @total WHERE id = @id`)
  const counter = bare.prepare(
    'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value'
  )
  const order = bare.prepare(`
    UPDATE orders SET status = @status, number = @number, currency = @currency, rounding = @rounding,
      tax_mode = @tax_mode, cash_increment = @cash_increment, cash_rounding_mode = @cash_rounding_mode,
      gross_total = @gross_total, line_discount_total = @line_discount_total,
      order_discount_total = @order_discount_total, tax_total = @tax_total, total = @total,
      cash_rounding = @cash_rounding, paid_total = @paid_total, change_given = @change_given,
      checkout_key = @checkout_key, checked_out_at = @checked_out_at, paid_at = @paid_at,
      updated_at = @updated_at, cashier_user_id = @cashier_user_id, shift_id = @shift_id
    WHERE id = @id`)
  const inserts = new Map<string, Statement>()
  // Prepared once per table from its first row's columns (less those the table numbers itself), and
  // each row bound as read: named parameters ignore the keys left out. The baseline used to copy
  // every row into a fresh object first, JavaScript the bare writes do not need (issue 12).
  const insert = (table: string, row: Row, omit: string[] = []): void => {
    let stmt = inserts.get(table)
    if (!stmt) {
      const columns = Object.keys(row).filter((c) => !omit.includes(c))
      stmt = bare.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
      )
      inserts.set(table, stmt)
    }
    stmt.run(row)
  }
  /** What the checkout of `orderId` wrote, read from the till (untimed). */
  const rowsOf = (orderId: string) => {
    const entries = read.entries.all(orderId)
    return {
      order: read.order.get(orderId)!,
      lines: read.lines.all(orderId),
      payments: read.payments.all(orderId),
      entries: entries.map((entry) => ({ entry, lines: read.entryLines.all(entry['id'] as string) })),
      audit: read.audit.all(orderId),
      outbox: read.outbox.all(orderId)
    }
  }
  const write = bare.transaction((rows: ReturnType<typeof rowsOf>) => {
    for (const l of rows.lines) line.run(l)
    counter.get(`order:${rows.order['terminal'] as string}`)
    order.run(rows.order)
    for (const p of rows.payments) insert('payments', p)
    for (const { entry, lines } of rows.entries) {
      insert('journal_entries', entry)
      for (const l of lines) insert('journal_lines', l)
    }
    for (const a of rows.audit) insert('audit_log', a, ['seq'])
    for (const x of rows.outbox) insert('outbox', x, ['seq', 'synced_at'])
  })
  return { rowsOf, write: (rows: ReturnType<typeof rowsOf>) => write.immediate(rows) }
}

async function dispatch<T>(core: Core, session: string, channel: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input, { sessionId: session })
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/** A till with an open shift and CHECKOUTS parked carts of LINES piece lines each. */
export async function tillWithCarts(dir: string, count: number): Promise<{ core: Core; carts: string[] }> {
  const core = await createCore({
    dataDir: dir,
    mode: 'web',
    version: 'bench',
    logger: silentLogger,
    hashParams: { N: 1024, r: 8, p: 1 }
  })
  const session = 'bench'
  core.sessions.open(session, new Date())
  const status = await dispatch<{ setupProfile: unknown }>(core, session, 'auth:status', {})
  await dispatch(core, session, 'auth:setup', {
    profile: status.setupProfile,
    owner: { displayName: 'Bench', username: 'bench', password: 'bench-pass-1', pin: '1234' }
  })
  await dispatch(core, session, 'shifts:open', { counts: {} })
  const found = await dispatch<{ products: Array<{ id: string; unit: string }> }>(
    core,
    session,
    'catalog:search',
    { query: '', limit: LINES * 4 }
  )
  // Goods sold by the piece: a kg line added without a weight waits for one (issue 10).
  const products = found.products.filter((p) => p.unit === 'piece').slice(0, LINES)
  const carts: string[] = []
  for (let i = 0; i < count; i++) {
    const cart = await dispatch<{ id: string }>(core, session, 'cart:open', {})
    for (const product of products)
      await dispatch(core, session, 'cart:add-item', { cartId: cart.id, productId: product.id })
    carts.push(cart.id)
    // Park it so the next open makes a new cart; checkout works on parked drafts too.
    await dispatch(core, session, 'cart:park', { cartId: cart.id })
  }
  return { core, carts }
}

export const checkoutInput = (cartId: string, i: number) => ({
  cartId,
  cash: { tendered: '1000', confirmLargeTender: true },
  checkoutKey: `bench-${i}-key`
})

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/**
 * Checkouts through the real router and services (each one transaction, synchronous=FULL) and the
 * baseline replaying their rows, in alternating rounds so both meet the same machine load. Both
 * files start the same: the carts built, the WAL checkpointed and empty. Per-checkout ms, the
 * median over rounds.
 */
async function timeBoth(dir: string): Promise<{ real: number; bare: number; ratios: number[] }> {
  const { core, carts } = await tillWithCarts(dir, CHECKOUTS)
  const file = join(dir, 'kassa.sqlite')
  const bareFile = join(dir, 'bare.sqlite')
  const side = openConnection(file)
  side.pragma('wal_checkpoint(TRUNCATE)')
  side.close()
  copyFileSync(file, bareFile)
  const bare = openConnection(bareFile)
  const till = openConnection(file, { readonly: true })
  const replay = bareCheckout(bare, till)
  const real: number[] = []
  const base: number[] = []
  const perRound = CHECKOUTS / ROUNDS
  for (let round = 0; round < ROUNDS; round++) {
    const ids = carts.slice(round * perRound, (round + 1) * perRound)
    let start = performance.now()
    for (const [k, cartId] of ids.entries())
      await dispatch(core, 'bench', 'checkout:begin', checkoutInput(cartId, round * perRound + k))
    real.push((performance.now() - start) / perRound)
    const rows = ids.map(replay.rowsOf)
    start = performance.now()
    for (const r of rows) replay.write(r)
    base.push((performance.now() - start) / perRound)
  }
  till.close()
  bare.close()
  core.close()
  return { real: median(real), bare: median(base), ratios: real.map((r, i) => (base[i] as number) / r) }
}

export const bench: Bench = {
  title: `Checkout commits (${CHECKOUTS} cash sales of ${LINES} lines, WAL, synchronous=FULL)`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-bench-checkout-'))
    try {
      const { real, bare, ratios } = await timeBoth(dir)
      const percent = (x: number) => `${(x * 100).toFixed(0)} %`
      const ratio = bare / real
      return [
        {
          name: 'checkout:begin with cash (router → service → one transaction)',
          figure: {
            label: `${(1000 / real).toFixed(0)} checkouts/s: quote, order, lines, payment, ledger, audit, outbox`,
            ms: real
          },
          baseline: {
            label:
              'bare writes of its rows (lines frozen, counter, order → paid, payment, ledger, audit, outbox)',
            ms: bare
          },
          note: `throughput ${percent(ratio)} of bare SQLite (target ≥ 80 %): ${ratio >= 0.8 ? 'met' : 'missed'}; medians of ${ROUNDS} alternating rounds, whose ratios ran ${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}`
        }
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
