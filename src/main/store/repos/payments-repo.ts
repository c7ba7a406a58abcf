import type { PaymentStatus, TenderMethod } from '@shared/vocabulary'
import type { Database } from 'better-sqlite3'

export interface PaymentRow {
  id: string
  order_id: string
  method: TenderMethod
  status: PaymentStatus
  amount: number
  tendered: number
  change_given: number
  trade_no: string | null
  provider_ref: string | null
  created_at: string
  completed_at: string | null
  flow?: string
  attempt_key?: string | null
  qr_content?: string | null
  masked_pan?: string | null
  failure_code?: string | null
  failure_message?: string | null
  expires_at?: string | null
  updated_at?: string | null
  /** The order's shift; left out, the `payments_take_order_shift` trigger copies it from the order. */
  shift_id?: string | null
}

export interface PaymentUpdate {
  status: PaymentStatus
  provider_ref?: string | null
  qr_content?: string | null
  masked_pan?: string | null
  failure_code?: string | null
  failure_message?: string | null
  completed_at?: string | null
}

export function createPaymentsRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, trade_no, provider_ref, created_at,
      completed_at, flow, attempt_key, qr_content, masked_pan, failure_code, failure_message, expires_at, updated_at, shift_id)
    VALUES (@id, @order_id, @method, @status, @amount, @tendered, @change_given, @trade_no, @provider_ref, @created_at,
      @completed_at, @flow, @attempt_key, @qr_content, @masked_pan, @failure_code, @failure_message, @expires_at, @updated_at,
      @shift_id)`)
  const byId = db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE id = ?')
  const byAttemptKey = db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE attempt_key = ?')
  const byTradeNo = db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE trade_no = ?')
  const open = db.prepare<[], PaymentRow>(
    "SELECT * FROM payments WHERE status IN ('created', 'pending', 'user_paying', 'unknown') ORDER BY created_at"
  )
  const update = db.prepare(`
    UPDATE payments SET status = @status, provider_ref = coalesce(@provider_ref, provider_ref),
      qr_content = coalesce(@qr_content, qr_content), masked_pan = coalesce(@masked_pan, masked_pan),
      failure_code = @failure_code, failure_message = @failure_message,
      completed_at = coalesce(@completed_at, completed_at), updated_at = @updated_at
    WHERE id = @id`)
  const rememberEvent = db.prepare(
    'INSERT INTO payment_events (event_id, provider, trade_no, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'
  )
  const forOrder = db.prepare<[string], PaymentRow>(
    'SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, id'
  )
  return {
    /**
     * Inserts a payment; returns the row as written (every column is bound, so it is what a read
     * would give back; a null `shift_id` is the exception: the trigger then copies the order's).
     */
    insert(row: PaymentRow): PaymentRow {
      const written = {
        flow: 'cash',
        attempt_key: null,
        qr_content: null,
        masked_pan: null,
        failure_code: null,
        failure_message: null,
        expires_at: null,
        updated_at: row.created_at,
        shift_id: null,
        ...row
      }
      insert.run(written)
      return written
    },
    byId: (id: string): PaymentRow | undefined => byId.get(id),
    byAttemptKey: (key: string): PaymentRow | undefined => byAttemptKey.get(key),
    byTradeNo: (tradeNo: string): PaymentRow | undefined => byTradeNo.get(tradeNo),
    /** Attempts whose outcome is not settled yet, oldest first. */
    open: (): PaymentRow[] => open.all(),
    update: (id: string, change: PaymentUpdate, at: string) =>
      void update.run({
        id,
        provider_ref: null,
        qr_content: null,
        masked_pan: null,
        failure_code: null,
        failure_message: null,
        completed_at: null,
        ...change,
        updated_at: at
      }),
    /** True the first time a notification id is seen. */
    rememberEvent: (eventId: string, provider: string, tradeNo: string, at: string): boolean =>
      rememberEvent.run(eventId, provider, tradeNo, at).changes === 1,
    forOrder: (orderId: string): PaymentRow[] => forOrder.all(orderId)
  }
}

export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>
