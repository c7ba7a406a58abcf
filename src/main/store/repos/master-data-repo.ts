import type { Database, Statement } from 'better-sqlite3'

/** Entities whose rows are kept (deactivated, never deleted) because past sales point at them. */
const KEPT = { category: 'categories', product: 'products', coupon: 'coupons', staff: 'users' } as const

/**
 * Writes the head office's master data into the till's own tables (catalog, coupons and
 * allotments, staff), remembering which rows it owns. A local row that holds the natural key a
 * head-office row needs (a category code, a SKU, a coupon code, a username) gives it up: it is
 * renamed `KEY~local-xxxxxxxx` and deactivated, so its history stays intact. Call inside the
 * transaction that applies one pull page.
 */
export function createMasterDataRepo(db: Database) {
  const s = {
    owned: db.prepare<[], { entity: string; id: string }>('SELECT entity, id FROM sync_owned'),
    own: db.prepare(
      `INSERT INTO sync_owned (entity, id, revision) VALUES (?, ?, ?)
       ON CONFLICT (entity, id) DO UPDATE SET revision = excluded.revision`
    ),
    disown: db.prepare('DELETE FROM sync_owned WHERE entity = ? AND id = ?'),
    clearOwned: db.prepare('DELETE FROM sync_owned'),
    category: db.prepare(`
      INSERT INTO categories (id, code, name_zh, name_en, sort_order, active, created_at, updated_at)
      VALUES (@id, @code, @nameZh, @nameEn, @sortOrder, @active, @at, @at)
      ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_zh = excluded.name_zh, name_en = excluded.name_en,
        sort_order = excluded.sort_order, active = excluded.active, updated_at = excluded.updated_at`),
    product: db.prepare(`
      INSERT INTO products (id, sku, name_zh, name_en, category_id, price_minor, tax_rate, unit, active, created_at, updated_at)
      VALUES (@id, @sku, @nameZh, @nameEn, @categoryId, @priceMinor, @taxRate, @unit, @active, @at, @at)
      ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name_zh = excluded.name_zh, name_en = excluded.name_en,
        category_id = excluded.category_id, price_minor = excluded.price_minor, tax_rate = excluded.tax_rate,
        unit = excluded.unit, active = excluded.active, updated_at = excluded.updated_at`),
    barcode: db.prepare(`
      INSERT INTO product_barcodes (barcode, product_id, position) VALUES (@barcode, @productId, @position)
      ON CONFLICT (barcode) DO UPDATE SET product_id = excluded.product_id, position = excluded.position`),
    deleteBarcode: db.prepare('DELETE FROM product_barcodes WHERE barcode = ?'),
    coupon: db.prepare(`
      INSERT INTO coupons (id, code, type, rate, amount, min_spend, valid_from, valid_to, usage_limit, chain_limit, active, created_at, updated_at)
      VALUES (@id, @code, @type, @rate, @amount, @minSpend, @validFrom, @validTo, NULL, @chainLimit, @active, @at, @at)
      ON CONFLICT (id) DO UPDATE SET code = excluded.code, type = excluded.type, rate = excluded.rate, amount = excluded.amount,
        min_spend = excluded.min_spend, valid_from = excluded.valid_from, valid_to = excluded.valid_to, usage_limit = NULL,
        chain_limit = excluded.chain_limit, active = excluded.active, updated_at = excluded.updated_at`),
    allotment: db.prepare(`
      INSERT INTO coupon_allotments (coupon_id, uses, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (coupon_id) DO UPDATE SET uses = excluded.uses, updated_at = excluded.updated_at`),
    deleteAllotment: db.prepare('DELETE FROM coupon_allotments WHERE coupon_id = ?'),
    staff: db.prepare(`
      INSERT INTO users (id, username, display_name, role, password_hash, pin_hash, active, created_at, updated_at)
      VALUES (@id, @username, @displayName, @role, @passwordHash, @pinHash, @active, @at, @at)
      ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
        password_hash = excluded.password_hash, pin_hash = excluded.pin_hash, active = excluded.active,
        updated_at = excluded.updated_at`),
    deactivate: Object.fromEntries(
      Object.entries(KEPT).map(([entity, table]) => [
        entity,
        db.prepare<[string, string]>(`UPDATE ${table} SET active = 0, updated_at = ? WHERE id = ?`)
      ])
    ) as Record<keyof typeof KEPT, Statement<[string, string]>>,
    /** A local row holding a natural key the head office's row needs. */
    clash: {
      category: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM categories WHERE code = ? COLLATE NOCASE AND id <> ?'
      ),
      product: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM products WHERE sku = ? COLLATE NOCASE AND id <> ?'
      ),
      coupon: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM coupons WHERE code = ? COLLATE NOCASE AND id <> ?'
      ),
      staff: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM users WHERE username = ? COLLATE NOCASE AND id <> ?'
      )
    },
    rename: {
      category: db.prepare('UPDATE categories SET code = ?, active = 0, updated_at = ? WHERE id = ?'),
      product: db.prepare('UPDATE products SET sku = ?, active = 0, updated_at = ? WHERE id = ?'),
      coupon: db.prepare('UPDATE coupons SET code = ?, active = 0, updated_at = ? WHERE id = ?'),
      staff: db.prepare('UPDATE users SET username = ?, active = 0, updated_at = ? WHERE id = ?')
    }
  }

  /** Makes way for a head-office row's natural key (see the repo's comment). */
  const makeWay = (entity: keyof typeof s.clash, key: string, id: string, at: string): void => {
    const other = s.clash[entity].get(key, id)
    if (other) s.rename[entity].run(`${key}~local-${other.id.replace(/-/g, '').slice(-8)}`, at, other.id)
  }

  return {
    /** Within a page's transaction: references are checked at commit, so a page may hold them in any order. */
    deferForeignKeys(): void {
      db.pragma('defer_foreign_keys = ON')
    },
    /**
     * What a `reset` starts from: every row the head office gave is taken back — catalog, coupons
     * and staff deactivated (past sales point at them), barcodes and allotments removed.
     */
    dropOwned(at: string): void {
      for (const row of s.owned.all()) {
        if (row.entity in KEPT) s.deactivate[row.entity as keyof typeof KEPT].run(at, row.id)
        else if (row.entity === 'barcode') s.deleteBarcode.run(row.id)
        else if (row.entity === 'coupon_allotment') s.deleteAllotment.run(row.id)
      }
      s.clearOwned.run()
    },
    owned(entity: string, id: string, revision: number): void {
      s.own.run(entity, id, revision)
    },
    disowned(entity: string, id: string): void {
      s.disown.run(entity, id)
    },
    putCategory(row: {
      id: string
      code: string
      nameZh: string
      nameEn: string
      sortOrder: number
      active: boolean
      at: string
    }): void {
      makeWay('category', row.code, row.id, row.at)
      s.category.run({ ...row, active: row.active ? 1 : 0 })
    },
    putProduct(row: {
      id: string
      sku: string
      nameZh: string
      nameEn: string
      categoryId: string | null
      priceMinor: number
      taxRate: string
      unit: 'piece' | 'kg'
      active: boolean
      at: string
    }): void {
      makeWay('product', row.sku, row.id, row.at)
      s.product.run({ ...row, active: row.active ? 1 : 0 })
    },
    putBarcode: (row: { barcode: string; productId: string; position: number }) => void s.barcode.run(row),
    deleteBarcode: (barcode: string) => void s.deleteBarcode.run(barcode),
    putCoupon(row: {
      id: string
      code: string
      type: 'rate' | 'amount'
      rate: string | null
      amount: number | null
      minSpend: number | null
      validFrom: string | null
      validTo: string | null
      chainLimit: number | null
      active: boolean
      at: string
    }): void {
      makeWay('coupon', row.code, row.id, row.at)
      s.coupon.run({ ...row, active: row.active ? 1 : 0 })
    },
    putAllotment: (couponId: string, uses: number, at: string) => void s.allotment.run(couponId, uses, at),
    deleteAllotment: (couponId: string) => void s.deleteAllotment.run(couponId),
    putStaff(row: {
      id: string
      username: string
      displayName: string
      role: 'cashier' | 'manager' | 'owner'
      passwordHash: string
      pinHash: string
      active: boolean
      at: string
    }): void {
      makeWay('staff', row.username, row.id, row.at)
      s.staff.run({ ...row, active: row.active ? 1 : 0 })
    },
    /** A `delete` of a row past sales may point at: it is taken off, not removed. */
    deactivate(entity: keyof typeof KEPT, id: string, at: string): void {
      s.deactivate[entity].run(at, id)
    },
    isKept: (entity: string): entity is keyof typeof KEPT => entity in KEPT
  }
}

export type MasterDataRepo = ReturnType<typeof createMasterDataRepo>
