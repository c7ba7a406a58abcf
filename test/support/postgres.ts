import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface ThrowawayPostgres {
  port: number
  /** `postgres://…/postgres`: the maintenance database. */
  url: string
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>
  /** `pg_ctl restart -m immediate`: a crash and recovery, as after power loss. */
  restartImmediate(): void
  stop(): void
}

/**
 * PostgreSQL refuses to run as root: as root (a CI container), its binaries run as the `postgres`
 * user (Debian's package creates it) through `runuser`.
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args]
  return ['runuser', ['-u', 'postgres', '--', command, ...args]]
}

function run(command: string, args: string[]): void {
  const [file, argv] = asServerUser(command, args)
  execFileSync(file, argv, { stdio: 'ignore' })
}

/** True when PostgreSQL's server binaries are on PATH (`.ci/run` installs Debian's `postgresql` if not). */
export function postgresAvailable(): boolean {
  return spawnSync('initdb', ['--version']).status === 0
}

/**
 * A throwaway PostgreSQL: `initdb` in a temp dir, `pg_ctl start` on a free 127.0.0.1 port, trust
 * authentication, fsync off (the crash tests restart the server, not the machine). Stop it in afterAll.
 */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-pg-'))
  if (process.getuid?.() === 0) {
    const id = execFileSync('id', ['-u', 'postgres']).toString().trim()
    chownSync(dir, Number(id), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()))
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'kassa', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`
  const ctl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', ...args])
  ctl('start')
  const url = `postgres://kassa@127.0.0.1:${port}/postgres`
  let n = 0
  return {
    port,
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++n}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://kassa@127.0.0.1:${port}/${name}`
    },
    restartImmediate() {
      ctl('restart', '-m', 'immediate')
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
