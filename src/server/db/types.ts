/**
 * The head office's storage, as small as both engines allow: parameterised SQL in one portable
 * subset (`?` placeholders, `INSERT … ON CONFLICT`, `SELECT … FOR UPDATE` on a per-till row,
 * row-value comparisons, `RETURNING`; no sequences as keys, no advisory locks, no LISTEN/NOTIFY).
 * Implemented by the embedded SQLite file (`sqlite.ts`) and PostgreSQL (`postgres.ts`).
 */
export type SqlValue = string | number | null

export interface SqlTx {
  /** Rows of a SELECT (or of `… RETURNING`). */
  query<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>
  /**
   * Inserts many rows into `table`, skipping rows whose key already exists (`ON CONFLICT DO
   * NOTHING`), or — with `plain: true`, when the caller holds the lock that makes conflicts
   * impossible — as fast as the engine can (COPY on PostgreSQL).
   */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
    options?: { plain?: boolean }
  ): Promise<void>
}

export interface HqDatabase {
  readonly dialect: 'sqlite' | 'postgres'
  /** Where it lives, for logs (a file path, or the URL with its password masked). */
  readonly description: string
  /**
   * Runs `work` in one transaction and commits it. A serialization failure (SQLSTATE 40001, a
   * deadlock) rolls back and runs `work` again, up to a few times — so `work` must be idempotent
   * and must not keep effects outside the database. Errors thrown by `work` roll back and propagate.
   */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>
  /** One statement outside any explicit transaction (reads, or a single idempotent write). */
  query<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  run(sql: string, params?: readonly SqlValue[]): Promise<number>
  /** Runs DDL (several statements) as is — migrations only. */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

/** The database could not be reached or is shutting down: the request may be retried. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError'
}
