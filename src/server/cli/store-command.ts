import { storeNameSchema, timeZoneSchema } from '@shared/hq-api/stores'
import { UsageError } from '../../main/cli/command'
import { writeAudit } from '../admin/auth/audit'
import type { HqClock } from '../clock'
import type { HqDatabase } from '../db/types'
import { ensureStore } from '../enrol/enrol-service'

/** This machine's IANA zone, named in the hint when `--time-zone` is missing. */
const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/**
 * The store a `--store NAME` names: exactly that name after trimming the ends, never created on
 * the way (a typo once made a new store, and a till enrolled with its code joined it). Throws a
 * UsageError naming the stores that exist, and how to create one, when none has that name.
 */
export async function existingStore(
  db: HqDatabase,
  command: string,
  given: string
): Promise<{ id: string; name: string }> {
  const name = given.trim()
  const [store] = await db.query<{ id: string; name: string }>('SELECT id, name FROM stores WHERE name = ?', [
    name
  ])
  if (store) return store
  const names = (await db.query<{ name: string }>('SELECT name FROM stores ORDER BY name')).map(
    (row) => `"${row.name}"`
  )
  throw new UsageError(
    `${command}: --store: no store "${name}" (${
      names.length === 0 ? 'there is no store yet' : `stores: ${names.join(', ')}`
    }); create one with: kassa hq store create --name NAME --time-zone ZONE`
  )
}

/**
 * `kassa hq store create --name N --time-zone Z`: a new store, audited as done from the command
 * line. The zone is required, not defaulted: it decides where each business day starts, and a
 * silent UTC (a server's usual zone) starts a Chinese shop's days at 08:00 Beijing time. Refused
 * (UsageError naming the option) when the name is empty, longer than STORE_NAME_MAX, taken, or the
 * zone is not an IANA zone.
 */
export async function createStoreCommand(
  db: HqDatabase,
  clock: HqClock,
  options: { name?: string; timeZone?: string }
): Promise<{ id: string; name: string; timeZone: string }> {
  if (options.name === undefined) throw new UsageError('hq store create needs --name NAME')
  if (options.timeZone === undefined)
    throw new UsageError(
      `hq store create needs --time-zone ZONE, the store's IANA time zone (this machine's: ${machineZone()})`
    )
  if (options.name.trim() === '') throw new UsageError('hq store create: --name must not be empty')
  const name = storeNameSchema.safeParse(options.name)
  if (!name.success) throw new UsageError(`hq store create: --name ${name.error.issues[0]!.message}`)
  const zone = timeZoneSchema.safeParse(options.timeZone)
  if (!zone.success) throw new UsageError(`hq store create: --time-zone ${zone.error.issues[0]!.message}`)
  return db.transaction(async (tx) => {
    const [taken] = await tx.query('SELECT id FROM stores WHERE name = ?', [name.data])
    if (taken) throw new UsageError(`hq store create: --name: a store "${name.data}" exists`)
    const store = await ensureStore(tx, clock, name.data, { timeZone: zone.data })
    await writeAudit(tx, null, clock.now(), {
      action: 'stores.create',
      subject: store.id,
      details: { name: store.name, timeZone: store.time_zone, via: 'cli' }
    })
    return { id: store.id, name: store.name, timeZone: store.time_zone }
  })
}
