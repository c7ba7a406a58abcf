import type { Database } from 'better-sqlite3'
import type { OrderStatus } from '../../domain/orders/order-status'

export interface OrderRow {
  id: string
  number: string | null
  terminal: string
  status: OrderStatus
  currency: string
  rounding: 'half-up' | 'half-even'
  tax_mode: 'inclusive' | 'exclusive'
  cash_increment: string | null
  /** How the cash total met the increment when it was sold (`half-up`, or `down` 抹零). */
  cash_rounding_mode: 'half-up' | 'down'
  cashier_user_id: string | null
  parked_at: string | null
  parked_note: string | null
  gross_total: number
  line_discount_total: number
  order_discount_total: number
  tax_total: number
  total: number
  cash_rounding: number
  paid_total: number
  change_given: number
  refunded_total: number
  checkout_key: string | null
  created_at: string
  updated_at: string
  checked_out_at: string | null
  paid_at: string | null
  closed_at: string | null
  closed_by_user_id: string | null
  close_reason: string | null
  /** The shift it was sold in, stamped at checkout (migration 0060); null for a draft. */
  shift_id: string | null
}

export interface OrderLineRow {
  id: string
  order_id: string
  position: number
  product_id: string | null
  sku: string
  name: string
  name_en: string | null
  unit: string
  quantity: string
  unit_price: number
  list_price: number
  price_override_by: string | null
  tax_rate: string
  discount_type: 'rate' | 'amount' | null
  discount_value: string | null
  gross: number
  line_discount: number
  net: number
  order_discount: number
  net_after_discount: number
  tax: number
  total: number
  /** 1: a kg line still waiting for its weight (migration 0110); checkout refuses it. */
  weight_pending: number
}

export interface OrderCouponRow {
  order_id: string
  position: number
  coupon_id: string
  code: string
  applied: number
  reason: string | null
  discount: number
}

export interface NewOrder {
  id: string
  terminal: string
  currency: string
  rounding: string
  taxMode: string
  cashIncrement: string | null
  cashierUserId: string | null
  at: string
}

export type LineFigures = Pick<
  OrderLineRow,
  'gross' | 'line_discount' | 'net' | 'order_discount' | 'net_after_discount' | 'tax' | 'total'
>

export type OrderFigures = Pick<
  OrderRow,
  'gross_total' | 'line_discount_total' | 'order_discount_total' | 'tax_total' | 'total' | 'cash_rounding'
>

/** What a draft's row takes when it is frozen at checkout (figures in minor units). */
export type CheckoutFields = OrderFigures &
  Pick<
    OrderRow,
    | 'number'
    | 'currency'
    | 'rounding'
    | 'tax_mode'
    | 'cash_increment'
    | 'cash_rounding_mode'
    | 'checkout_key'
    | 'cashier_user_id'
    | 'shift_id'
  >

export interface OrderSearch {
  number?: string | undefined
  from?: string | undefined
  to?: string | undefined
  minTotal?: number | undefined
  maxTotal?: number | undefined
  cashierUserId?: string | undefined
  statuses: OrderStatus[]
  limit: number
  offset: number
}

/** Orders from cart to closed. SQL only; the checkout and cart services decide what may change. */
/** A product behind a cart line, as the catalog holds it now. */
export interface LineProductRow {
  id: string
  price_minor: number
  tax_rate: string
  active: 0 | 1
}

export function createOrdersRepo(db: Database) {
  const s = {
    insert: db.prepare(`
      INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, cash_increment, cashier_user_id, created_at, updated_at)
      VALUES (@id, @terminal, 'draft', @currency, @rounding, @taxMode, @cashIncrement, @cashierUserId, @at, @at)`),
    get: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE id = ?'),
    byCheckoutKey: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE checkout_key = ?'),
    byNumber: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE number = ?'),
    activeDraft: db.prepare<[string | null], OrderRow>(`
      SELECT * FROM orders WHERE status = 'draft' AND parked_at IS NULL AND cashier_user_id IS ?
      ORDER BY updated_at DESC LIMIT 1`),
    awaitingFor: db.prepare<[string | null], OrderRow>(`
      SELECT * FROM orders WHERE status = 'awaiting_payment' AND cashier_user_id IS ? ORDER BY checked_out_at LIMIT 1`),
    parked: db.prepare<[], OrderRow>(
      `SELECT * FROM orders WHERE status = 'draft' AND parked_at IS NOT NULL ORDER BY parked_at`
    ),
    lines: db.prepare<[string], OrderLineRow>(
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY position'
    ),
    line: db.prepare<[string, string], OrderLineRow>(
      'SELECT * FROM order_lines WHERE order_id = ? AND id = ?'
    ),
    lineProducts: db.prepare<[string], LineProductRow>(`
      SELECT id, price_minor, tax_rate, active FROM products
      WHERE id IN (SELECT product_id FROM order_lines WHERE order_id = ?)`),
    maxPosition: db.prepare<[string], { p: number }>(
      'SELECT coalesce(max(position), -1) AS p FROM order_lines WHERE order_id = ?'
    ),
    insertLine: db.prepare(`
      INSERT INTO order_lines (id, order_id, position, product_id, sku, name, name_en, unit, quantity, unit_price, list_price, tax_rate, weight_pending)
      VALUES (@id, @orderId, @position, @productId, @sku, @name, @nameEn, @unit, @quantity, @unitPrice, @unitPrice, @taxRate, @weightPending)`),
    // Entering a quantity is entering the weight: the line no longer waits for one.
    setQuantity: db.prepare(
      'UPDATE order_lines SET quantity = ?, weight_pending = 0 WHERE order_id = ? AND id = ?'
    ),
    setDiscount: db.prepare(
      'UPDATE order_lines SET discount_type = ?, discount_value = ? WHERE order_id = ? AND id = ?'
    ),
    setPrice: db.prepare(
      'UPDATE order_lines SET unit_price = ?, price_override_by = ? WHERE order_id = ? AND id = ?'
    ),
    deleteLine: db.prepare('DELETE FROM order_lines WHERE order_id = ? AND id = ?'),
    coupons: db.prepare<[string], OrderCouponRow>(
      'SELECT * FROM order_coupons WHERE order_id = ? ORDER BY position'
    ),
    insertCoupon: db.prepare(`
      INSERT INTO order_coupons (order_id, position, coupon_id, code)
      VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM order_coupons WHERE order_id = ?), ?, ?)`),
    deleteCoupon: db.prepare('DELETE FROM order_coupons WHERE order_id = ? AND code = ? COLLATE NOCASE'),
    touch: db.prepare('UPDATE orders SET updated_at = ? WHERE id = ?'),
    park: db.prepare('UPDATE orders SET parked_at = ?, parked_note = ?, updated_at = ? WHERE id = ?'),
    unpark: db.prepare(
      'UPDATE orders SET parked_at = NULL, parked_note = NULL, cashier_user_id = ?, updated_at = ? WHERE id = ?'
    ),
    deleteDraft: db.prepare("DELETE FROM orders WHERE id = ? AND status = 'draft'"),
    freezeLine: db.prepare(`
      UPDATE order_lines SET gross = @gross, line_discount = @line_discount, net = @net, order_discount = @order_discount,
        net_after_discount = @net_after_discount, tax = @tax, total = @total WHERE id = @id`),
    freezeCoupon: db.prepare(
      'UPDATE order_coupons SET applied = ?, reason = ?, discount = ? WHERE order_id = ? AND position = ?'
    ),
    checkout: db.prepare(`
      UPDATE orders SET status = 'awaiting_payment', number = @number, currency = @currency, rounding = @rounding,
        tax_mode = @tax_mode, cash_increment = @cash_increment, cash_rounding_mode = @cash_rounding_mode,
        gross_total = @gross_total,
        line_discount_total = @line_discount_total, order_discount_total = @order_discount_total, tax_total = @tax_total,
        total = @total, cash_rounding = @cash_rounding, checkout_key = @checkout_key, checked_out_at = @at,
        updated_at = @at, cashier_user_id = @cashier_user_id, shift_id = @shift_id
      WHERE id = @id AND status = 'draft' RETURNING *`),
    // The quick cash sale: frozen and paid in one transaction, so its row is written once.
    checkoutPaid: db.prepare(`
      UPDATE orders SET status = 'paid', number = @number, currency = @currency, rounding = @rounding,
        tax_mode = @tax_mode, cash_increment = @cash_increment, cash_rounding_mode = @cash_rounding_mode,
        gross_total = @gross_total,
        line_discount_total = @line_discount_total, order_discount_total = @order_discount_total, tax_total = @tax_total,
        total = @total, cash_rounding = @cash_rounding, paid_total = @paid_total, change_given = @change_given,
        checkout_key = @checkout_key, checked_out_at = @at, paid_at = @at,
        updated_at = @at, cashier_user_id = @cashier_user_id, shift_id = @shift_id
      WHERE id = @id AND status = 'draft'`),
    markPaid: db.prepare<[{ id: string; paid_total: number; change_given: number; at: string }], OrderRow>(`
      UPDATE orders SET status = 'paid', paid_total = @paid_total, change_given = @change_given, paid_at = @at, updated_at = @at
      WHERE id = @id AND status = 'awaiting_payment' RETURNING *`),
    anySale: db.prepare<[], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM orders WHERE number IS NOT NULL LIMIT 1)'
    ),
    setRefunded: db.prepare('UPDATE orders SET status = ?, refunded_total = ?, updated_at = ? WHERE id = ?'),
    cashiers: db.prepare<[], { id: string }>(
      'SELECT DISTINCT cashier_user_id AS id FROM orders WHERE cashier_user_id IS NOT NULL AND number IS NOT NULL'
    ),
    close: db.prepare(`
      UPDATE orders SET status = @status, closed_at = @at, closed_by_user_id = @userId, close_reason = @reason, updated_at = @at
      WHERE id = @id AND status = @from`)
  }

  return {
    create(order: NewOrder): void {
      s.insert.run(order)
    },
    get: (id: string): OrderRow | undefined => s.get.get(id),
    byCheckoutKey: (key: string): OrderRow | undefined => s.byCheckoutKey.get(key),
    byNumber: (number: string): OrderRow | undefined => s.byNumber.get(number),
    activeDraft: (cashierUserId: string | null): OrderRow | undefined => s.activeDraft.get(cashierUserId),
    /** An order this cashier checked out whose payment is not finished (e.g. the screen was reloaded). */
    awaitingFor: (cashierUserId: string | null): OrderRow | undefined => s.awaitingFor.get(cashierUserId),
    parked: (): OrderRow[] => s.parked.all(),
    lines: (orderId: string): OrderLineRow[] => s.lines.all(orderId),
    line: (orderId: string, lineId: string): OrderLineRow | undefined => s.line.get(orderId, lineId),
    /**
     * The catalog's products behind an order's lines as they are now (price in minor units), in one
     * query: the cart compares them with its lines on every change (a product deleted is absent).
     */
    lineProducts: (orderId: string): LineProductRow[] => s.lineProducts.all(orderId),
    addLine(line: {
      id: string
      orderId: string
      productId: string | null
      sku: string
      name: string
      nameEn: string | null
      unit: string
      quantity: string
      unitPrice: number
      taxRate: string
      /** A kg line added without a weight. */
      weightPending?: boolean
    }): void {
      s.insertLine.run({
        ...line,
        weightPending: line.weightPending ? 1 : 0,
        position: s.maxPosition.get(line.orderId)!.p + 1
      })
    },
    setQuantity: (orderId: string, lineId: string, quantity: string) =>
      s.setQuantity.run(quantity, orderId, lineId),
    setDiscount: (
      orderId: string,
      lineId: string,
      discount: { type: 'rate' | 'amount'; value: string } | null
    ) => s.setDiscount.run(discount?.type ?? null, discount?.value ?? null, orderId, lineId),
    setPrice: (orderId: string, lineId: string, unitPrice: number, byUserId: string | null) =>
      s.setPrice.run(unitPrice, byUserId, orderId, lineId),
    removeLine: (orderId: string, lineId: string) => s.deleteLine.run(orderId, lineId),
    coupons: (orderId: string): OrderCouponRow[] => s.coupons.all(orderId),
    addCoupon: (orderId: string, couponId: string, code: string) =>
      s.insertCoupon.run(orderId, orderId, couponId, code),
    removeCoupon: (orderId: string, code: string) => s.deleteCoupon.run(orderId, code).changes,
    touch: (orderId: string, at: string) => s.touch.run(at, orderId),
    park: (orderId: string, note: string | null, at: string) => s.park.run(at, note, at, orderId),
    unpark: (orderId: string, cashierUserId: string | null, at: string) =>
      s.unpark.run(cashierUserId, at, orderId),
    deleteDraft: (orderId: string) => s.deleteDraft.run(orderId).changes,
    freezeLine: (lineId: string, figures: LineFigures) => s.freezeLine.run({ id: lineId, ...figures }),
    freezeCoupon: (
      orderId: string,
      position: number,
      applied: boolean,
      reason: string | null,
      discount: number
    ) => s.freezeCoupon.run(applied ? 1 : 0, reason, discount, orderId, position),
    /** Freezes a draft into an order awaiting payment; returns its row as written. */
    checkout(orderId: string, frozen: CheckoutFields, at: string): OrderRow {
      const row = s.checkout.get({ id: orderId, at, ...frozen }) as OrderRow | undefined
      if (!row) throw new Error(`order ${orderId} is not a draft`)
      return row
    },
    /**
     * Freezes a draft and marks it paid in the same write (the quick cash sale, whose checkout and
     * payment are one transaction); `paid_total`/`change_given` in minor units. `draft`: its row as
     * read in this transaction. Returns the row as written — built from `draft` and what was set
     * rather than read back (`RETURNING *` cost a sale ~20 µs); a test pins it to the file's row.
     */
    checkoutPaid(
      draft: OrderRow,
      frozen: CheckoutFields & Pick<OrderRow, 'paid_total' | 'change_given'>,
      at: string
    ): OrderRow {
      const written = s.checkoutPaid.run({
        id: draft.id,
        at,
        number: frozen.number,
        currency: frozen.currency,
        rounding: frozen.rounding,
        tax_mode: frozen.tax_mode,
        cash_increment: frozen.cash_increment,
        cash_rounding_mode: frozen.cash_rounding_mode,
        gross_total: frozen.gross_total,
        line_discount_total: frozen.line_discount_total,
        order_discount_total: frozen.order_discount_total,
        tax_total: frozen.tax_total,
        total: frozen.total,
        cash_rounding: frozen.cash_rounding,
        paid_total: frozen.paid_total,
        change_given: frozen.change_given,
        checkout_key: frozen.checkout_key,
        cashier_user_id: frozen.cashier_user_id,
        shift_id: frozen.shift_id
      })
      if (written.changes !== 1) throw new Error(`order ${draft.id} is not a draft`)
      // The draft's own key order (the table's, as SELECT * gives it), with what the UPDATE set.
      const row: OrderRow = { ...draft }
      row.status = 'paid'
      row.number = frozen.number
      row.currency = frozen.currency
      row.rounding = frozen.rounding
      row.tax_mode = frozen.tax_mode
      row.cash_increment = frozen.cash_increment
      row.cash_rounding_mode = frozen.cash_rounding_mode
      row.gross_total = frozen.gross_total
      row.line_discount_total = frozen.line_discount_total
      row.order_discount_total = frozen.order_discount_total
      row.tax_total = frozen.tax_total
      row.total = frozen.total
      row.cash_rounding = frozen.cash_rounding
      row.paid_total = frozen.paid_total
      row.change_given = frozen.change_given
      row.checkout_key = frozen.checkout_key
      row.checked_out_at = at
      row.paid_at = at
      row.updated_at = at
      row.cashier_user_id = frozen.cashier_user_id
      row.shift_id = frozen.shift_id
      return row
    },
    /** Marks an order awaiting payment paid; returns its row as written. */
    markPaid(orderId: string, paidTotal: number, changeGiven: number, at: string): OrderRow {
      const row = s.markPaid.get({ id: orderId, paid_total: paidTotal, change_given: changeGiven, at })
      if (!row) throw new Error(`order ${orderId} is not awaiting payment`)
      return row
    },
    close(
      orderId: string,
      from: OrderStatus,
      to: OrderStatus,
      userId: string | null,
      reason: string | null,
      at: string
    ): void {
      const result = s.close.run({ id: orderId, from, status: to, userId, reason, at })
      if (result.changes !== 1) throw new Error(`order ${orderId} is not ${from}`)
    },
    /** Whether any order was ever checked out (money figures then exist in the store currency). */
    hasSales: (): boolean => s.anySale.get()!.n > 0,
    setRefunded: (orderId: string, status: OrderStatus, refundedTotal: number, at: string) =>
      void s.setRefunded.run(status, refundedTotal, at, orderId),
    cashierIds: (): string[] => s.cashiers.all().map((row) => row.id),
    search(query: OrderSearch): { rows: OrderRow[]; total: number } {
      const where: string[] = [`status IN (${query.statuses.map(() => '?').join(', ')})`]
      const params: unknown[] = [...query.statuses]
      if (query.number) {
        where.push('number LIKE ?')
        params.push(`%${query.number.replace(/[%_]/g, '')}%`)
      }
      if (query.from) {
        where.push('coalesce(paid_at, checked_out_at, created_at) >= ?')
        params.push(query.from)
      }
      if (query.to) {
        where.push('coalesce(paid_at, checked_out_at, created_at) < ?')
        params.push(query.to)
      }
      if (query.minTotal !== undefined) {
        where.push('total >= ?')
        params.push(query.minTotal)
      }
      if (query.maxTotal !== undefined) {
        where.push('total <= ?')
        params.push(query.maxTotal)
      }
      if (query.cashierUserId) {
        where.push('cashier_user_id = ?')
        params.push(query.cashierUserId)
      }
      const clause = where.join(' AND ')
      const rows = db
        .prepare<unknown[], OrderRow>(
          `SELECT * FROM orders WHERE ${clause} ORDER BY coalesce(paid_at, checked_out_at, created_at) DESC LIMIT ? OFFSET ?`
        )
        .all(...params, query.limit, query.offset)
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM orders WHERE ${clause}`)
        .get(...params)!.n
      return { rows, total }
    }
  }
}

export type OrdersRepo = ReturnType<typeof createOrdersRepo>
