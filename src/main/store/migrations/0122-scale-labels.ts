import type { Migration } from './types'

/**
 * Weighed-goods labels: the store's label layouts (JSON, null for the default) and each product's
 * item code as the shop's scale prints it inside an EAN-13 label (`21 IIIII WWWWW C`).
 */
export const migration0122ScaleLabels: Migration = {
  version: 122,
  name: 'scale-labels',
  up(db) {
    db.exec(`
      ALTER TABLE store_profile ADD COLUMN scale_labels TEXT;
      ALTER TABLE products ADD COLUMN scale_code TEXT;
      CREATE UNIQUE INDEX products_scale_code ON products (scale_code) WHERE scale_code IS NOT NULL;
    `)
  }
}
