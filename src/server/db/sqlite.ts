import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database, Statement } from 'better-sqlite3'
import { openConnection } from '../../main/store/connection'
import type { HqDatabase, SqlTx, SqlValue } from './types'

/** SQLite has no row locks: the whole write transaction is the lock (`BEGIN IMMEDIATE`). */
const stripForUpdate = (sql: string) => sql.replace(/\s+FOR\s+UPDATE\b/gi, '')

/**
 * The embedded head-office store: one SQLite file, WAL, synchronous FULL (an acknowledged batch
 * survives power loss). One connection; transactions run one at a time through a queue, because
 * their work is async and must not interleave on the connection.
 */
export function openSqliteDatabase(file: string): HqDatabase {
  mkdirSync(dirname(file), { recursive: true })
  // WAL, synchronous FULL, busy timeout: the same durable settings as every till connection.
  const db: Database = openConnection(file)

  const statements = new Map<string, Statement>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(stripForUpdate(sql))
      if (statements.size > 500) statements.clear()
      statements.set(sql, statement)
    }
    return statement
  }

  const query = <T>(sql: string, params: readonly SqlValue[] = []): T[] => {
    const statement = prepare(sql)
    return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[]
  }
  const run = (sql: string, params: readonly SqlValue[] = []): number => prepare(sql).run(...params).changes

  const tx: SqlTx = {
    async query<T>(sql: string, params?: readonly SqlValue[]) {
      return query<T>(sql, params)
    },
    async run(sql, params) {
      return run(sql, params)
    },
    async insertMany(table, columns, rows) {
      if (rows.length === 0) return
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`
      const statement = prepare(sql)
      for (const row of rows) statement.run(...row)
    }
  }

  let queue: Promise<unknown> = Promise.resolve()
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    dialect: 'sqlite',
    description: file,
    transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
      return serialise(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await work(tx)
          db.exec('COMMIT')
          return result
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw error
        }
      })
    },
    query<T>(sql: string, params?: readonly SqlValue[]) {
      return serialise(async () => query<T>(sql, params))
    },
    run(sql, params) {
      return serialise(async () => run(sql, params))
    },
    exec(sql) {
      return serialise(async () => void db.exec(sql))
    },
    async close() {
      await serialise(async () => undefined)
      db.close()
    }
  }
}
