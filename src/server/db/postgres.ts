import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { DatabaseUnavailableError, type HqDatabase, type SqlTx, type SqlValue } from './types'

/** `?` placeholders (the portable form) to PostgreSQL's `$1, $2 …`; our SQL has no `?` in literals. */
export function toPgPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** COPY text format: backslash, tab, newline and carriage return escaped; `\N` is NULL. */
function copyField(value: SqlValue): string {
  if (value === null) return '\\N'
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
  )
}

// int8 (counts, seqs, money) and numeric (SUM of int8) come back as strings by default; every one
// of ours is an integer far below 2^53.
const INT8 = 20
const NUMERIC = 1700
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
}

/** SQLSTATEs after which the whole transaction is simply run again. */
const RETRYABLE = new Set(['40001', '40P01'])
/** Connection-level failures: the database is down, restarting or refusing; the caller answers 503. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  return (
    /^(08|57P)/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code) ||
    /Connection terminated|connection error|Client has encountered a connection error|not queryable/i.test(
      (error as Error).message ?? ''
    )
  )
}

const MAX_VALUES_PER_STATEMENT = 30_000

/**
 * The head office on PostgreSQL (15 tested; the SQL is the portable subset of `types.ts`, so Citus
 * and CockroachDB take the same statements). A pool of connections; each transaction takes one.
 */
export function openPostgresDatabase(url: string): HqDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 8, types, connectionTimeoutMillis: 5000 })
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', () => undefined)

  const wrap = (error: unknown): unknown =>
    isUnavailable(error) ? new DatabaseUnavailableError((error as Error).message) : error

  const txOn = (client: pg.PoolClient): SqlTx => ({
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows as T[]
    },
    async run(sql, params = []) {
      return (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0
    },
    async insertMany(table, columns, rows, options) {
      if (rows.length === 0) return
      if (options?.plain) {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
        const done = new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve)
          stream.on('error', reject)
        })
        const lines: string[] = []
        for (const row of rows) lines.push(row.map(copyField).join('\t'))
        stream.end(lines.join('\n') + '\n')
        await done
        return
      }
      const perRow = columns.length
      const chunk = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / perRow))
      for (let start = 0; start < rows.length; start += chunk) {
        const slice = rows.slice(start, start + chunk)
        let n = 0
        const values = slice.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ')
        await client.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`,
          slice.flat() as SqlValue[]
        )
      }
    }
  })

  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (error) {
      throw wrap(error)
    }
    let broken = false
    // A checked-out client whose server goes away emits 'error'; unheard, it would crash the process.
    const onError = () => (broken = true)
    client.on('error', onError)
    try {
      return await work(client)
    } catch (error) {
      broken ||= isUnavailable(error)
      throw wrap(error)
    } finally {
      client.off('error', onError)
      client.release(broken)
    }
  }

  /** A read on a connection that died with its server is tried once more on a fresh one. */
  async function once<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read()
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error
      await sleep(100)
      return read()
    }
  }

  return {
    dialect: 'postgres',
    description: url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'),
    async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await withClient(async (client) => {
            await client.query('BEGIN')
            try {
              const result = await work(txOn(client))
              await client.query('COMMIT')
              return result
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined)
              throw error
            }
          })
        } catch (error) {
          const code = (error as { code?: string }).code ?? ''
          // A pooled connection that died with its server (a restart) fails once: a fresh one may
          // already work. `work` is idempotent, so even a COMMIT whose answer was lost may be rerun.
          const unavailable = error instanceof DatabaseUnavailableError && attempt < 3
          if (!(RETRYABLE.has(code) && attempt < 8) && !unavailable) throw error
          await sleep(unavailable ? 100 * attempt : Math.random() * 20 * attempt)
        }
      }
    },
    query<T>(sql: string, params: readonly SqlValue[] = []) {
      return once(() =>
        withClient(
          async (client) => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows as T[]
        )
      )
    },
    run(sql, params = []) {
      return withClient(
        async (client) => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0
      )
    },
    exec(sql) {
      return withClient(async (client) => void (await client.query(sql)))
    },
    async close() {
      await pool.end()
    }
  }
}
