import { gtinLookupKey } from '@shared/barcodes/gtin'
import type { Database, Statement } from 'better-sqlite3'

export interface SearchOptions {
  query: string
  categoryId: string | null
  includeInactive: boolean
  language: 'zh-CN' | 'en'
  limit: number
}

/** The lightweight row a search ranks and sorts before loading the products it keeps. */
interface Candidate {
  seq: number
  name_zh: string
  name_en: string
}

/** Above this many matches a search sorts by code point instead of the language's collation (which costs ~1 µs a comparison). */
const COLLATE_MAX = 3000

/** Trigram FTS needs three characters; shorter terms are matched with LIKE. */
const TRIGRAM = 3

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** An FTS5 string literal: the term matched as a substring, whatever punctuation it holds. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

/**
 * The catalog's search, from indexes: exact codes by their keys, names and SKUs through the trigram FTS
 * table, short terms by a scan. `loadBySeqs` loads the products kept, in the order given.
 */
export function createCatalogSearch<Product>(db: Database, loadBySeqs: (seqs: number[]) => Product[]) {
  const statements = new Map<string, Statement<unknown[], Candidate>>()
  const candidates = (sql: string, params: unknown[]): Candidate[] => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare<unknown[], Candidate>(sql)
      statements.set(sql, statement)
    }
    return statement.all(...params)
  }

  const countStatements = new Map<string, Statement<unknown[], { n: number }>>()
  const countWhere = (sql: string, params: unknown[]): number => {
    let statement = countStatements.get(sql)
    if (!statement) {
      statement = db.prepare<unknown[], { n: number }>(sql)
      countStatements.set(sql, statement)
    }
    return statement.get(...params)!.n
  }

  /**
   * Matches, best first: an exact barcode or SKU, then barcodes starting with a number typed,
   * then names starting with the query, then every other name or SKU containing each word of it.
   * Within a rank, by name in `language`: its collation (pinyin order for zh-CN) up to 3,000 matches,
   * code point order beyond (only an unfiltered list of a big catalog gets there). `total` counts every match.
   */
  return function search(options: SearchOptions): { products: Product[]; total: number } {
    const query = options.query.trim().replace(/\s+/g, ' ')
    const filters: string[] = []
    const filterParams: unknown[] = []
    if (!options.includeInactive) filters.push('p.active = 1')
    if (options.categoryId !== null) {
      filters.push('p.category_id = ?')
      filterParams.push(options.categoryId)
    }
    const and = filters.map((f) => ` AND ${f}`).join('')

    const rank = new Map<number, { candidate: Candidate; rank: number }>()
    const add = (rows: Candidate[], value: number): void => {
      for (const candidate of rows) {
        const seen = rank.get(candidate.seq)
        if (!seen || seen.rank > value) rank.set(candidate.seq, { candidate, rank: value })
      }
    }

    if (query === '') {
      const total = countWhere(`SELECT count(*) AS n FROM products p WHERE 1 = 1${and}`, filterParams)
      if (total > COLLATE_MAX) {
        // The whole catalog: let SQLite keep the first `limit` by code point instead of sorting 20,000 in JS.
        const column = options.language === 'en' ? 'p.name_en' : 'p.name_zh'
        const top = candidates(
          `SELECT p.seq, p.name_zh, p.name_en FROM products p WHERE 1 = 1${and} ORDER BY ${column}, p.seq LIMIT ?`,
          [...filterParams, options.limit]
        )
        return { products: loadBySeqs(top.map((c) => c.seq)), total }
      }
      add(candidates(`SELECT p.seq, p.name_zh, p.name_en FROM products p WHERE 1 = 1${and}`, filterParams), 3)
    } else {
      const base = 'SELECT p.seq, p.name_zh, p.name_en FROM'
      add(
        candidates(
          `${base} product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.lookup_key = ?${and}`,
          [gtinLookupKey(query), ...filterParams]
        ),
        0
      )
      add(candidates(`${base} products p WHERE p.sku = ?${and}`, [query, ...filterParams]), 0)
      if (/^\d{4,}$/.test(query)) {
        // Barcodes hold no '~', which sorts after every character they may: [q, q~) is "starts with q".
        add(
          candidates(
            `${base} product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode >= ? AND b.barcode < ?${and} LIMIT 1000`,
            [query, `${query}~`, ...filterParams]
          ),
          1
        )
      }
      const terms = query.toLowerCase().split(' ')
      const long = terms.filter((t) => [...t].length >= TRIGRAM)
      const short = terms.filter((t) => [...t].length < TRIGRAM)
      const likes = short
        .map(
          () =>
            " AND (p.name_zh LIKE ? ESCAPE '\\' OR p.name_en LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\')"
        )
        .join('')
      const likeParams = short.flatMap((t) => {
        const pattern = `%${escapeLike(t)}%`
        return [pattern, pattern, pattern]
      })
      const textMatches =
        long.length > 0
          ? candidates(
              `${base} products_fts f JOIN products p ON p.seq = f.rowid WHERE products_fts MATCH ?${likes}${and}`,
              [long.map(ftsPhrase).join(' '), ...likeParams, ...filterParams]
            )
          : candidates(`${base} products p WHERE 1 = 1${likes}${and}`, [...likeParams, ...filterParams])
      const lower = query.toLowerCase()
      for (const candidate of textMatches) {
        // "Name starts with it" counts any word of the English name: "cola" finds "Coca-Cola" high up.
        const starts =
          candidate.name_zh.toLowerCase().startsWith(lower) ||
          candidate.name_en
            .toLowerCase()
            .split(/[\s\-/(]+/)
            .some((word) => word.startsWith(lower))
        add([candidate], starts ? 2 : 3)
      }
    }

    const ranked = [...rank.values()]
    const key = options.language === 'en' ? 'name_en' : 'name_zh'
    if (ranked.length <= COLLATE_MAX) {
      const collator = new Intl.Collator(options.language, { sensitivity: 'base', numeric: true })
      ranked.sort(
        (a, b) =>
          a.rank - b.rank ||
          collator.compare(a.candidate[key], b.candidate[key]) ||
          a.candidate.seq - b.candidate.seq
      )
    } else {
      ranked.sort((a, b) => {
        if (a.rank !== b.rank) return a.rank - b.rank
        const x = a.candidate[key]
        const y = b.candidate[key]
        return x < y ? -1 : x > y ? 1 : a.candidate.seq - b.candidate.seq
      })
    }
    const keep = ranked.slice(0, options.limit).map((r) => r.candidate.seq)
    return { products: loadBySeqs(keep), total: ranked.length }
  }
}
