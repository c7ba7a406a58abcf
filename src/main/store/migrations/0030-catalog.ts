import type { Migration } from './types'

/**
 * The catalog: categories, products and their barcodes, and a full-text index over product names
 * and SKUs for the search box.
 *
 * Products keep an INTEGER `seq` as their rowid so the external-content FTS table can point at it
 * (an implicit rowid may change on VACUUM, which would silently break the index); `id` is the
 * UUIDv7 every other table and the sync use.
 *
 * The FTS table uses the trigram tokenizer: any substring of three or more characters matches,
 * which suits Chinese (no spaces between words) and partial English words alike. Shorter queries
 * (most two-character Chinese words) are answered by the repository with a scan instead.
 */
export const migration0030Catalog: Migration = {
  version: 30,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE products (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        -- Unique regardless of case: a cashier typing "ab-1" means "AB-1".
        sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        category_id TEXT REFERENCES categories (id),
        -- Integer minor units of the store currency; never a float.
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        -- A decimal string such as '0.13', kept exact for the pricing engine.
        tax_rate TEXT NOT NULL,
        unit TEXT NOT NULL CHECK (unit IN ('piece', 'kg')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX products_category ON products (category_id, active);

      CREATE TABLE product_barcodes (
        barcode TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES products (id),
        position INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_barcodes_product ON product_barcodes (product_id, position);

      CREATE VIRTUAL TABLE products_fts USING fts5(
        name_zh, name_en, sku,
        content = 'products', content_rowid = 'seq',
        tokenize = 'trigram'
      );
      CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
        INSERT INTO products_fts (rowid, name_zh, name_en, sku) VALUES (new.seq, new.name_zh, new.name_en, new.sku);
      END;
      CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
        INSERT INTO products_fts (products_fts, rowid, name_zh, name_en, sku)
          VALUES ('delete', old.seq, old.name_zh, old.name_en, old.sku);
      END;
      CREATE TRIGGER products_fts_update AFTER UPDATE OF name_zh, name_en, sku ON products BEGIN
        INSERT INTO products_fts (products_fts, rowid, name_zh, name_en, sku)
          VALUES ('delete', old.seq, old.name_zh, old.name_en, old.sku);
        INSERT INTO products_fts (rowid, name_zh, name_en, sku) VALUES (new.seq, new.name_zh, new.name_en, new.sku);
      END;
    `)
  }
}
