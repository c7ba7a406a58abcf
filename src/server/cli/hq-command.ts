import { isCalendarDate } from '@shared/contract/text'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { HQ_DEFAULT_PORT } from '@shared/sync/protocol'
import { UsageError, type CliCommand, type CliContext } from '../../main/cli/command'
import { systemHqClock } from '../clock'
import { openHqDatabase } from '../db/open'
import { createEnrolCode, revokeTill } from '../enrol/enrol-service'
import { startHq } from '../hq'
import { publishMaster, type MasterWrite } from '../pull/master-data'
import { createWakeups } from '../pull/wakeups'
import { rebuildProjections } from '../push/rebuild'
import { defaultUpgraders } from '../push/upgraders'
import { SyncRefusal } from '../errors'
import { consolidatedDay } from '../reports/consolidated-day'
import { consolidatedDayText } from '../reports/consolidated-day-text'
import { addUser } from './add-user'
import { createStoreCommand, existingStore } from './store-command'

const USAGE = [
  'kassa hq [--data-dir DIR] [--database-url URL] [--port N] [--host H]   run the head office (default http://127.0.0.1:5200)',
  '       kassa hq --data-dir DIR store create --name N --time-zone ZONE   create a store (ZONE: IANA, e.g. Asia/Shanghai)',
  '       kassa hq --data-dir DIR enrol-code --store NAME                 print a one-time enrolment code (10 min) for a till of that existing store',
  '       kassa hq --data-dir DIR publish --store NAME < writes.json      publish master data (a JSON array of { entity, id, op, data })',
  '       kassa hq --data-dir DIR revoke --till T03                       refuse every request of that till from now on',
  '       kassa hq --data-dir DIR add-user --name N --role owner|manager|auditor [--store S]…  a web-app user; the password is read from stdin',
  '       kassa hq --data-dir DIR report day YYYY-MM-DD [--store S] [--json]  consolidated daily settlement (per till, store, total)',
  '       kassa hq --data-dir DIR rebuild-projections                     rebuild the report projections from the events held (stop the head office first)'
].join('\n')

interface Options {
  databaseUrl?: string
  port: number
  host: string
  store?: string
  /** Every `--store` given (add-user: a manager's stores). */
  stores: string[]
  name?: string
  role?: string
  till?: string
  timeZone?: string
  json: boolean
  rest: string[]
}

function parse(args: readonly string[], env: NodeJS.ProcessEnv): Options {
  const options: Options = { port: HQ_DEFAULT_PORT, host: '127.0.0.1', json: false, rest: [], stores: [] }
  if (env.KASSA_HQ_DATABASE_URL) options.databaseUrl = env.KASSA_HQ_DATABASE_URL
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const value = () => {
      const next = args[++i]
      if (next === undefined || next === '') throw new UsageError(`${arg} needs a value`)
      return next
    }
    if (arg === '--database-url') options.databaseUrl = value()
    else if (arg === '--port') {
      const port = Number(value())
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError('--port must be a port number (0–65535)')
      options.port = port
    } else if (arg === '--host') options.host = value()
    else if (arg === '--store') {
      options.store = value()
      options.stores.push(options.store)
    } else if (arg === '--name') options.name = value()
    else if (arg === '--role') options.role = value()
    else if (arg === '--till') options.till = value()
    else if (arg === '--time-zone') options.timeZone = value()
    else if (arg === '--json') options.json = true
    else if (arg.startsWith('--')) throw new UsageError(`hq: unknown option ${arg}`)
    else options.rest.push(arg)
  }
  return options
}

/** The head office's data directory: `--data-dir`, else KASSA_HQ_DATA_DIR, else a folder of its own. */
function hqDataDir(context: CliContext): string {
  return context.dataDir ?? context.env?.KASSA_HQ_DATA_DIR ?? join(homedir(), '.config', 'Kassa HQ')
}

async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  let text = ''
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
  return text
}

/**
 * `kassa hq …`: runs the head office until SIGINT/SIGTERM, or one of its admin commands
 * (enrolment codes, publishing master data, revoking a till) against its store. The database URL
 * (it may hold a password) is never printed in clear.
 */
export const hqCommand: CliCommand = {
  usage: USAGE,
  async run(args, context) {
    const options = parse(args, context.env ?? {})
    const dataDir = hqDataDir(context)
    const [action, ...extra] = options.rest
    if (action === 'report') {
      const [what, date, ...more] = extra
      if (what !== 'day' || date === undefined || more.length > 0)
        throw new UsageError('hq report needs: day YYYY-MM-DD [--store NAME] [--json]')
      if (!isCalendarDate(date))
        throw new UsageError(`hq report day: ${date} is not a date such as 2026-11-25`)
      const db = await openHqDatabase({ dataDir, databaseUrl: options.databaseUrl })
      try {
        if (options.store !== undefined) {
          const [store] = await db.query('SELECT id FROM stores WHERE name = ?', [options.store])
          if (!store) throw new UsageError(`hq report day: no store "${options.store}"`)
        }
        const day = await consolidatedDay(db, systemHqClock, date, options.store)
        context.stdout.write(options.json ? `${JSON.stringify(day, null, 2)}\n` : consolidatedDayText(day))
        return 0
      } finally {
        await db.close()
      }
    }
    if (action === 'store') {
      if (extra.length !== 1 || extra[0] !== 'create')
        throw new UsageError('hq store needs: create --name NAME --time-zone ZONE')
      const db = await openHqDatabase({ dataDir, databaseUrl: options.databaseUrl })
      try {
        const store = await createStoreCommand(db, systemHqClock, options)
        context.stdout.write(`created store "${store.name}" (${store.timeZone})\n`)
        return 0
      } finally {
        await db.close()
      }
    }
    if (extra.length > 0) throw new UsageError(`hq: unexpected ${extra.join(' ')}`)

    if (action === undefined) {
      const hq = await startHq({
        dataDir,
        databaseUrl: options.databaseUrl,
        port: options.port,
        host: options.host
      })
      context.stdout.write(`kassa hq: serving ${hq.url} (${hq.db.dialect}: ${hq.db.description})\n`)
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await hq.close()
      return 0
    }

    const db = await openHqDatabase({ dataDir, databaseUrl: options.databaseUrl })
    try {
      switch (action) {
        case 'enrol-code': {
          if (!options.store) throw new UsageError('hq enrol-code needs --store NAME')
          // An existing store only: createEnrolCode would make a new one of a typo.
          const store = await existingStore(db, 'hq enrol-code', options.store)
          const { code, expiresAt } = await createEnrolCode(db, systemHqClock, store.name)
          context.stdout.write(`${code}\n`)
          context.stderr.write(
            `enrolment code for store "${store.name}", valid until ${expiresAt}, usable once\n`
          )
          return 0
        }
        case 'publish': {
          if (!options.store) throw new UsageError('hq publish needs --store NAME')
          const store = await existingStore(db, 'hq publish', options.store)
          let writes: MasterWrite[]
          try {
            writes = JSON.parse(await readAll(context.stdin)) as MasterWrite[]
          } catch {
            throw new UsageError('hq publish: stdin is not JSON')
          }
          if (!Array.isArray(writes))
            throw new UsageError('hq publish: stdin must be a JSON array of { entity, id, op, data }')
          try {
            const revision = await publishMaster(
              { db, clock: systemHqClock, wakeups: createWakeups() },
              store.id,
              writes
            )
            context.stdout.write(`published ${writes.length} change(s) as revision ${revision}\n`)
          } catch (error) {
            if (error instanceof SyncRefusal) throw new UsageError(`hq publish: ${error.reason}`)
            throw error
          }
          return 0
        }
        case 'add-user': {
          await addUser(db, options, await readAll(context.stdin))
          context.stdout.write(`added ${options.role} "${options.name}"\n`)
          return 0
        }
        case 'revoke': {
          if (!options.till) throw new UsageError('hq revoke needs --till CODE')
          const [till] = await db.query<{ id: string }>('SELECT id FROM tills WHERE code = ?', [options.till])
          if (!till || !(await revokeTill(db, systemHqClock, till.id)))
            throw new UsageError(`hq revoke: no active till ${options.till}`)
          context.stdout.write(`revoked ${options.till}\n`)
          return 0
        }
        case 'rebuild-projections': {
          const n = await rebuildProjections(db, defaultUpgraders)
          context.stdout.write(`rebuilt the projections from ${n} applied event(s)\n`)
          return 0
        }
        default:
          throw new UsageError(`hq: unknown action "${action}"\nusage: ${USAGE}`)
      }
    } finally {
      await db.close()
    }
  }
}
