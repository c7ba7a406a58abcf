import type { Database } from 'better-sqlite3'

export interface CouponRow {
  id: string
  code: string
  type: 'rate' | 'amount'
  rate: string | null
  amount: number | null
  min_spend: number | null
  valid_from: string | null
  valid_to: string | null
  usage_limit: number | null
  used_count: number
  active: number
  created_at: string
  updated_at: string
  /** Set on a coupon the head office limits chain-wide: this till redeems only within `allotment`. */
  chain_limit: number | null
  /** This till's share of a chain-limited coupon (total uses it may have made), or null. */
  allotment: number | null
}

type CouponWrite = Omit<CouponRow, 'used_count' | 'chain_limit' | 'allotment'>

export function createCouponsRepo(db: Database) {
  const columns =
    'SELECT c.*, a.uses AS allotment FROM coupons c LEFT JOIN coupon_allotments a ON a.coupon_id = c.id'
  const byCode = db.prepare<[string], CouponRow>(`${columns} WHERE c.code = ? COLLATE NOCASE`)
  const byId = db.prepare<[string], CouponRow>(`${columns} WHERE c.id = ?`)
  const all = db.prepare<[], CouponRow>(`${columns} ORDER BY c.active DESC, c.code`)
  const insert = db.prepare(`
    INSERT INTO coupons (id, code, type, rate, amount, min_spend, valid_from, valid_to, usage_limit, active, created_at, updated_at)
    VALUES (@id, @code, @type, @rate, @amount, @min_spend, @valid_from, @valid_to, @usage_limit, @active, @created_at, @updated_at)`)
  const update = db.prepare(`
    UPDATE coupons SET type = @type, rate = @rate, amount = @amount, min_spend = @min_spend, valid_from = @valid_from,
      valid_to = @valid_to, usage_limit = @usage_limit, active = @active, updated_at = @updated_at WHERE id = @id`)
  // Guarded so two sales can never both take the last use; a chain-limited coupon (enrolled till)
  // also stops at this till's allotment, none meaning none, so an offline till never exceeds it.
  const redeem = db.prepare(
    `UPDATE coupons SET used_count = used_count + 1 WHERE id = ? AND (usage_limit IS NULL OR used_count < usage_limit)
       AND (chain_limit IS NULL OR used_count < coalesce((SELECT uses FROM coupon_allotments WHERE coupon_id = coupons.id), 0))`
  )
  const release = db.prepare('UPDATE coupons SET used_count = used_count - 1 WHERE id = ? AND used_count > 0')
  return {
    byCode: (code: string): CouponRow | undefined => byCode.get(code),
    byId: (id: string): CouponRow | undefined => byId.get(id),
    all: (): CouponRow[] => all.all(),
    insert: (row: CouponWrite) => void insert.run(row),
    update: (row: Omit<CouponWrite, 'code' | 'created_at'>) => void update.run(row),
    redeem: (id: string): boolean => redeem.run(id).changes === 1,
    release: (id: string) => void release.run(id)
  }
}

export type CouponsRepo = ReturnType<typeof createCouponsRepo>
