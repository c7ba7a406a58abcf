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
}

export function createCouponsRepo(db: Database) {
  const byCode = db.prepare<[string], CouponRow>('SELECT * FROM coupons WHERE code = ? COLLATE NOCASE')
  const byId = db.prepare<[string], CouponRow>('SELECT * FROM coupons WHERE id = ?')
  const all = db.prepare<[], CouponRow>('SELECT * FROM coupons ORDER BY active DESC, code')
  const insert = db.prepare(`
    INSERT INTO coupons (id, code, type, rate, amount, min_spend, valid_from, valid_to, usage_limit, active, created_at, updated_at)
    VALUES (@id, @code, @type, @rate, @amount, @min_spend, @valid_from, @valid_to, @usage_limit, @active, @created_at, @updated_at)`)
  const update = db.prepare(`
    UPDATE coupons SET type = @type, rate = @rate, amount = @amount, min_spend = @min_spend, valid_from = @valid_from,
      valid_to = @valid_to, usage_limit = @usage_limit, active = @active, updated_at = @updated_at WHERE id = @id`)
  // Guarded so two tills can never both take the last use.
  const redeem = db.prepare(
    'UPDATE coupons SET used_count = used_count + 1 WHERE id = ? AND (usage_limit IS NULL OR used_count < usage_limit)'
  )
  const release = db.prepare('UPDATE coupons SET used_count = used_count - 1 WHERE id = ? AND used_count > 0')
  return {
    byCode: (code: string): CouponRow | undefined => byCode.get(code),
    byId: (id: string): CouponRow | undefined => byId.get(id),
    all: (): CouponRow[] => all.all(),
    insert: (row: Omit<CouponRow, 'used_count'>) => void insert.run(row),
    update: (row: Omit<CouponRow, 'used_count' | 'code' | 'created_at'>) => void update.run(row),
    redeem: (id: string): boolean => redeem.run(id).changes === 1,
    release: (id: string) => void release.run(id)
  }
}

export type CouponsRepo = ReturnType<typeof createCouponsRepo>
