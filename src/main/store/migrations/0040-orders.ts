import type { Migration } from './types'

/**
 * Carts and orders, their lines and coupons, payments, coupons, the double-entry
 * journal, and per-terminal counters for human order numbers. Money columns are
 * integer minor units; rates and quantities are decimal strings.
 */
export const migration0040Orders: Migration = {
  version: 40,
  name: 'orders',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE coupons (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        type TEXT NOT NULL CHECK (type IN ('rate', 'amount')),
        rate TEXT,
        amount INTEGER CHECK (amount >= 0),
        min_spend INTEGER CHECK (min_spend >= 0),
        valid_from TEXT,
        valid_to TEXT,
        usage_limit INTEGER CHECK (usage_limit > 0),
        used_count INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((type = 'rate' AND rate IS NOT NULL) OR (type = 'amount' AND amount IS NOT NULL)),
        CHECK (usage_limit IS NULL OR used_count <= usage_limit)
      ) STRICT;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        number TEXT UNIQUE,
        terminal TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('draft', 'awaiting_payment', 'paid', 'cancelled', 'voided', 'partially_refunded', 'refunded')),
        currency TEXT NOT NULL,
        rounding TEXT NOT NULL,
        tax_mode TEXT NOT NULL,
        cash_increment TEXT,
        cashier_user_id TEXT,
        session_id TEXT,
        parked_at TEXT,
        parked_note TEXT,
        gross_total INTEGER NOT NULL DEFAULT 0,
        line_discount_total INTEGER NOT NULL DEFAULT 0,
        order_discount_total INTEGER NOT NULL DEFAULT 0,
        tax_total INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        cash_rounding INTEGER NOT NULL DEFAULT 0,
        paid_total INTEGER NOT NULL DEFAULT 0,
        change_given INTEGER NOT NULL DEFAULT 0,
        refunded_total INTEGER NOT NULL DEFAULT 0,
        checkout_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        checked_out_at TEXT,
        paid_at TEXT,
        closed_at TEXT,
        closed_by_user_id TEXT,
        close_reason TEXT
      ) STRICT;
      CREATE INDEX orders_status ON orders (status, updated_at);
      CREATE INDEX orders_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
      CREATE INDEX orders_cashier ON orders (cashier_user_id, paid_at);

      CREATE TABLE order_lines (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        product_id TEXT,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT,
        unit TEXT NOT NULL DEFAULT 'piece',
        quantity TEXT NOT NULL,
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        list_price INTEGER NOT NULL CHECK (list_price >= 0),
        price_override_by TEXT,
        tax_rate TEXT NOT NULL DEFAULT '0',
        discount_type TEXT CHECK (discount_type IN ('rate', 'amount')),
        discount_value TEXT,
        gross INTEGER NOT NULL DEFAULT 0,
        line_discount INTEGER NOT NULL DEFAULT 0,
        net INTEGER NOT NULL DEFAULT 0,
        order_discount INTEGER NOT NULL DEFAULT 0,
        net_after_discount INTEGER NOT NULL DEFAULT 0,
        tax INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        UNIQUE (order_id, position)
      ) STRICT;
      CREATE INDEX order_lines_product ON order_lines (product_id);

      CREATE TABLE order_coupons (
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        coupon_id TEXT NOT NULL REFERENCES coupons (id),
        code TEXT NOT NULL,
        applied INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        discount INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (order_id, position),
        UNIQUE (order_id, coupon_id)
      ) STRICT;

      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id),
        method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'alipay', 'wechat')),
        status TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        tendered INTEGER NOT NULL CHECK (tendered >= amount),
        change_given INTEGER NOT NULL CHECK (change_given = tendered - amount),
        trade_no TEXT UNIQUE,
        provider_ref TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX payments_order ON payments (order_id);

      CREATE TABLE journal_entries (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        order_id TEXT,
        user_id TEXT
      ) STRICT;
      CREATE INDEX journal_entries_order ON journal_entries (order_id);
      CREATE INDEX journal_entries_at ON journal_entries (at);

      CREATE TABLE journal_lines (
        entry_id TEXT NOT NULL REFERENCES journal_entries (id),
        line INTEGER NOT NULL,
        account TEXT NOT NULL,
        debit INTEGER NOT NULL CHECK (debit >= 0),
        credit INTEGER NOT NULL CHECK (credit >= 0),
        memo TEXT,
        PRIMARY KEY (entry_id, line),
        CHECK ((debit = 0) <> (credit = 0))
      ) STRICT;
      CREATE INDEX journal_lines_account ON journal_lines (account);

      CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

      -- A paid order's lines are frozen: corrections are refunds and voids that reference it.
      CREATE TRIGGER order_lines_frozen_update BEFORE UPDATE ON order_lines
        WHEN (SELECT status FROM orders WHERE id = OLD.order_id) NOT IN ('draft', 'awaiting_payment')
        BEGIN SELECT RAISE(ABORT, 'lines of a paid order cannot change'); END;
      CREATE TRIGGER order_lines_frozen_delete BEFORE DELETE ON order_lines
        WHEN (SELECT status FROM orders WHERE id = OLD.order_id) NOT IN ('draft', 'awaiting_payment')
        BEGIN SELECT RAISE(ABORT, 'lines of a paid order cannot change'); END;
      CREATE TRIGGER orders_no_delete_after_draft BEFORE DELETE ON orders
        WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'only draft orders can be deleted'); END;
    `)
  }
}
