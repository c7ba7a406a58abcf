import type { Database } from 'better-sqlite3'

export interface PaymentRow {
  id: string
  order_id: string
  method: 'cash' | 'card' | 'alipay' | 'wechat'
  status: string
  amount: number
  tendered: number
  change_given: number
  trade_no: string | null
  provider_ref: string | null
  created_at: string
  completed_at: string | null
}

export function createPaymentsRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, trade_no, provider_ref, created_at, completed_at)
    VALUES (@id, @order_id, @method, @status, @amount, @tendered, @change_given, @trade_no, @provider_ref, @created_at, @completed_at)`)
  const forOrder = db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, id')
  return {
    insert: (row: PaymentRow) => void insert.run(row),
    forOrder: (orderId: string): PaymentRow[] => forOrder.all(orderId)
  }
}

export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>
