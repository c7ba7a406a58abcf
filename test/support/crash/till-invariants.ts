import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { verifyAuditChain } from '../../../src/main/services/audit-verify'
import { isWholeBackup } from '../../../src/main/store/backup'
import { createAuditRepo } from '../../../src/main/store/repos/audit-repo'
import type { TillLedger } from './till-client'

const PAID = "('paid', 'partially_refunded', 'refunded', 'voided')"

/**
 * Everything that must hold in a till's data dir after a crash or a power cut, given what the
 * till acknowledged. Returns the broken promises, one sentence each ([] when all hold).
 * Opens the file as the app would after the crash (SQLite replays or discards the WAL).
 */
export function checkTill(dataDir: string, ledger: TillLedger): string[] {
  const file = join(dataDir, 'kassa.sqlite')
  if (!existsSync(file)) return ledger.setupDone ? ['the shop file is gone'] : []
  const problems: string[] = []
  // Read-only: the WAL is left for the app to recover when it restarts, as after a real cut.
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return [`integrity_check: ${String(integrity)}`]
    const has = (table: string): boolean =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined
    if (!has('orders')) return ledger.setupDone ? ['the acknowledged set-up is gone (no schema)'] : []
    if (ledger.setupDone && !db.prepare("SELECT 1 FROM users WHERE role = 'owner'").get())
      problems.push('the acknowledged set-up is gone (no owner)')

    // Every acknowledged sale and refund is in the file, as the till was told.
    const orderByKey = db.prepare<[string], { id: string; number: string; status: string; payable: number }>(
      'SELECT id, number, status, total + cash_rounding AS payable FROM orders WHERE checkout_key = ?'
    )
    for (const [key, acked] of ledger.orders) {
      const row = orderByKey.get(key)
      if (!row) problems.push(`acknowledged order ${acked.number} (key ${key}) is missing`)
      else if (row.id !== acked.orderId || row.number !== acked.number || row.payable !== acked.payable)
        problems.push(`order ${acked.number} changed: ${JSON.stringify(row)}`)
      else if (!PAID.includes(`'${row.status}'`)) problems.push(`order ${acked.number} is ${row.status}`)
    }
    const refundByKey = db.prepare<[string], { id: string; number: string; amount: number; status: string }>(
      'SELECT id, number, amount, status FROM refunds WHERE refund_key = ?'
    )
    for (const [key, acked] of ledger.refunds) {
      const row = refundByKey.get(key)
      if (!row) problems.push(`acknowledged refund ${acked.number} (key ${key}) is missing`)
      else if (row.id !== acked.refundId || row.number !== acked.number || row.amount !== acked.amount)
        problems.push(`refund ${acked.number} changed: ${JSON.stringify(row)}`)
    }
    const shift = db.prepare<[string], { status: string }>('SELECT status FROM shifts WHERE id = ?')
    for (const [id, number] of ledger.openedShifts)
      if (!shift.get(id)) problems.push(`acknowledged shift ${number} is missing`)
    for (const [id, number] of ledger.closedShifts)
      if (shift.get(id)?.status !== 'closed')
        problems.push(`acknowledged close of shift ${number} is missing`)

    // The journal balances, entry by entry.
    for (const row of db
      .prepare<[], { entry: string; debit: number; credit: number }>(
        'SELECT entry_id AS entry, SUM(debit) AS debit, SUM(credit) AS credit FROM journal_lines GROUP BY entry_id HAVING SUM(debit) != SUM(credit)'
      )
      .all())
      problems.push(`journal entry ${row.entry} does not balance: ${row.debit} ≠ ${row.credit}`)
    for (const row of db
      .prepare<[], { id: string }>(
        'SELECT id FROM journal_entries WHERE id NOT IN (SELECT entry_id FROM journal_lines)'
      )
      .all())
      problems.push(`journal entry ${row.id} has no lines`)

    // Every paid order: payments cover it, a sale entry books it, an outbox event carries it.
    for (const order of db
      .prepare<
        [],
        {
          id: string
          number: string
          due: number
          paid: number
          payments: number
          entries: number
          events: number
        }
      >(
        `SELECT o.id, o.number, o.total + o.cash_rounding AS due, o.paid_total AS paid,
           (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') AS payments,
           (SELECT COUNT(*) FROM journal_entries j WHERE j.order_id = o.id) AS entries,
           (SELECT COUNT(*) FROM outbox e WHERE e.aggregate_id = o.id AND e.type = 'order.paid') AS events
         FROM orders o WHERE o.status IN ${PAID}`
      )
      .all()) {
      if (order.payments !== order.paid || order.paid < order.due)
        problems.push(
          `order ${order.number}: payments ${order.payments}, paid ${order.paid}, due ${order.due}`
        )
      if (order.entries < 1) problems.push(`order ${order.number} has no journal entry`)
      if (order.events !== 1) problems.push(`order ${order.number} has ${order.events} order.paid events`)
    }

    // Every refund: its tenders pay it back exactly, and its order counts it.
    for (const refund of db
      .prepare<[], { number: string; amount: number; tenders: number }>(
        `SELECT r.number, r.amount,
           (SELECT COALESCE(SUM(amount), 0) FROM refund_tenders t WHERE t.refund_id = r.id AND t.status = 'succeeded') AS tenders
         FROM refunds r WHERE r.status = 'succeeded'`
      )
      .all())
      if (refund.tenders !== refund.amount)
        problems.push(`refund ${refund.number}: tenders ${refund.tenders}, amount ${refund.amount}`)
    for (const order of db
      .prepare<[], { number: string; refunded: number; refunds: number }>(
        `SELECT o.number, o.refunded_total AS refunded,
           (SELECT COALESCE(SUM(amount), 0) FROM refunds r WHERE r.order_id = o.id AND r.status = 'succeeded') AS refunds
         FROM orders o WHERE o.status IN ${PAID}`
      )
      .all())
      if (order.refunded !== order.refunds)
        problems.push(`order ${order.number}: refunded_total ${order.refunded}, refunds ${order.refunds}`)

    // Receipt, refund and shift numbers run without a gap on every till.
    problems.push(...gapFree(db, 'orders', /^(.+)-(\d{6})$/, 'order'))
    problems.push(...gapFree(db, 'refunds', /^(.+)-R(\d{6})$/, 'refund'))
    problems.push(...gapFree(db, 'shifts', /^(.+)-S(\d{5})$/, 'shift'))

    // The audit chain verifies.
    const audit = verifyAuditChain(createAuditRepo(db).iterate())
    if (!audit.ok) problems.push(`audit chain broken at ${audit.brokenAtSeq}: ${audit.reason}`)
  } finally {
    db.close()
  }
  problems.push(...checkBackups(join(dataDir, 'backups')))
  return problems
}

/** Numbers `<till>-<prefix><n>` in `table` are 1..N per till, and the till's counter is N. */
function gapFree(db: BetterSqlite3.Database, table: string, pattern: RegExp, counter: string): string[] {
  const byTill = new Map<string, number[]>()
  for (const { number } of db
    .prepare<[], { number: string }>(`SELECT number FROM ${table} WHERE number IS NOT NULL`)
    .all()) {
    const match = pattern.exec(number)
    if (!match) continue // rescue shifts and the like use their own series
    byTill.set(match[1]!, [...(byTill.get(match[1]!) ?? []), Number(match[2])])
  }
  const problems: string[] = []
  for (const [till, numbers] of byTill) {
    numbers.sort((a, b) => a - b)
    const gap = numbers.findIndex((n, i) => n !== i + 1)
    if (gap >= 0) problems.push(`${table} of ${till}: number ${gap + 1} is followed by ${numbers[gap]}`)
    const count = db
      .prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?')
      .get(`${counter}:${till}`)
    if (count && count.value !== numbers.length)
      problems.push(`${table} of ${till}: counter at ${count.value}, ${numbers.length} numbers used`)
  }
  return problems
}

/** Every file under a backup name is whole and passes quick_check. */
export function checkBackups(dir: string): string[] {
  if (!existsSync(dir)) return []
  const problems: string[] = []
  for (const name of readdirSync(dir).filter((n) => n.startsWith('kassa-') && n.endsWith('.sqlite'))) {
    const file = join(dir, name)
    if (!isWholeBackup(file)) {
      problems.push(`backup ${name} is not whole`)
      continue
    }
    const db = new BetterSqlite3(file, { readonly: true })
    try {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') problems.push(`backup ${name}: ${String(check)}`)
    } finally {
      db.close()
    }
  }
  return problems
}
