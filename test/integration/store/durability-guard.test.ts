import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { Readable } from 'node:stream'
import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { backupDatabase } from '../../../src/main/store/backup'
import { openSqliteDatabase } from '../../../src/server/db/sqlite'
import { durabilityOf, EXPECTED_DURABILITY, onConnectionOpened } from '../../../src/main/store/connection'
import { openDatabase } from '../../../src/main/store/database'
import { openTestCore, setupOwner } from '../../support/accounts'
import { tempDir } from '../../support/temp-dir'

/**
 * better-sqlite3 is built with WAL's default `synchronous` at NORMAL: a connection that forgets
 * the pragma silently stops surviving power cuts. So every connection Kassa opens goes through
 * `openConnection` (store/connection.ts), and this test holds every entry point to it.
 */

const ROOT = resolve(__dirname, '../../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : []
  })
}

/** What may only appear in the files named. */
const CONFINED: Array<{ what: string; pattern: RegExp; allowedIn: string[] }> = [
  {
    what: 'a SQLite connection opened without openConnection',
    // `new Database(`, `new BetterSqlite3(`, a default import or require of better-sqlite3
    pattern:
      /new\s+(Database|BetterSqlite3|Sqlite\w*)\s*\(|import\s+\w+\s*(,\s*\{[^}]*\})?\s+from\s+['"]better-sqlite3['"]|require\(\s*['"]better-sqlite3['"]\s*\)/,
    allowedIn: ['src/main/store/connection.ts']
  },
  {
    what: 'a change of synchronous or journal_mode',
    pattern: /synchronous\s*=|journal_mode\s*=/i,
    allowedIn: ['src/main/store/connection.ts']
  },
  {
    what: 'a SQLite backup written outside the checked, durable backup',
    pattern: /\.backup\(|VACUUM\s+INTO/i,
    allowedIn: ['src/main/store/backup.ts']
  }
]

describe('every SQLite connection Kassa opens is durable', () => {
  // src/server (the head office) is covered too, whenever it exists: open its SQLite store with
  // openConnection and add its entry point to the runtime checks below.
  it('opens connections only through openConnection, which alone sets synchronous and journal_mode', () => {
    const offenders: string[] = []
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const name = relative(ROOT, file)
      const text = readFileSync(file, 'utf8')
      for (const rule of CONFINED)
        if (rule.pattern.test(text) && !rule.allowedIn.includes(name)) offenders.push(`${name}: ${rule.what}`)
    }
    expect(offenders).toEqual([])
  })

  const seen: Array<{ file: string; readonly: boolean; synchronous: number; journalMode: string }> = []
  const live: Database[] = []
  let stop: (() => void) | undefined
  const watch = (): void => {
    seen.length = 0
    live.length = 0
    stop = onConnectionOpened((db, file) => {
      seen.push({ file, readonly: db.readonly, ...durabilityOf(db) })
      live.push(db)
    })
  }
  afterEach(() => stop?.())

  const expectAllDurable = (): void => {
    expect(seen.length).toBeGreaterThan(0)
    for (const { file, synchronous, journalMode } of seen)
      expect({ file, synchronous, journalMode }).toEqual({ file, ...EXPECTED_DURABILITY })
  }

  it('the app (desktop and web mode share createCore), its first-run backup check included, after selling', async () => {
    watch()
    const till = await openTestCore()
    try {
      const owner = await setupOwner(till.core)
      await till.core.router.dispatch('shifts:open', { counts: {} }, { sessionId: owner })
      expectAllDurable()
      expect(seen.some((c) => c.file.includes('.partial'))).toBe(true) // the daily backup's check
      // Still so after the app has worked (nothing turned it down for speed on the way).
      const app = live.find((db) => db.open && db.name.endsWith('kassa.sqlite'))!
      expect(durabilityOf(app)).toEqual({ ...EXPECTED_DURABILITY })
    } finally {
      till.close()
    }
  })

  it('the kassa command: report day, audit verify (read-only) and import-products', async () => {
    const dataDir = tempDir()
    const { db } = await openDatabase(join(dataDir, 'kassa.sqlite'), { backupDir: join(dataDir, 'backups') })
    db.close()
    const csv = join(dataDir, 'products.csv')
    writeFileSync(
      csv,
      'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active\nG-1,,茶,Tea,TEA,4.00,0.13,piece,true\n'
    )
    const io = {
      stdin: Readable.from(['']),
      stdout: { write: () => true },
      stderr: { write: () => true }
    }
    for (const args of [
      ['report', 'day', '2026-11-25'],
      ['audit', 'verify'],
      ['import-products', csv]
    ]) {
      watch()
      expect(await runCli(['--data-dir', dataDir, ...args], io)).toBe(0)
      expectAllDurable()
      if (args[0] === 'audit') expect(seen.every((c) => c.readonly)).toBe(true)
      stop!()
    }
  })

  it('the backup target: the copy is checked over a durable connection before it gets its name', async () => {
    const dataDir = tempDir()
    const { db } = await openDatabase(join(dataDir, 'kassa.sqlite'), { backupDir: join(dataDir, 'backups') })
    watch()
    await backupDatabase(db, join(dataDir, 'backups'), { reason: 'manual' })
    expectAllDurable()
    expect(seen.map((c) => c.file)).toEqual([expect.stringMatching(/\.kassa-.*-manual\.sqlite\.partial$/)])
    db.close()
  })

  it("the head office's embedded store (src/server)", async () => {
    watch()
    const hq = openSqliteDatabase(join(tempDir(), 'hq.sqlite'))
    try {
      expectAllDurable()
      expect(seen.map((c) => c.file)).toEqual([expect.stringMatching(/hq\.sqlite$/)])
    } finally {
      await hq.close()
    }
  })
})
