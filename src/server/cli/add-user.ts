import { HQ_ROLES, type HqRole } from '@shared/hq-api/route'
import { UsageError } from '../../main/cli/command'
import { hashSecret } from '../../main/services/secret-hash'
import { systemHqClock } from '../clock'
import type { HqDatabase } from '../db/types'
import { writeAudit } from '../admin/auth/audit'
import { insertUser } from '../admin/auth/users-repo'
import { HqRefusal } from '../admin/refusal'

/**
 * `kassa hq add-user --name N --role R [--store S]…`: a web-app user, audited as done from the
 * command line. The password is the first line of stdin — never an argument, which `ps` and shell
 * histories show. A manager needs at least one `--store` (by name).
 */
export async function addUser(
  db: HqDatabase,
  options: { name?: string; role?: string; stores: readonly string[] },
  stdin: string
): Promise<void> {
  if (!options.name) throw new UsageError('hq add-user needs --name NAME')
  if (!HQ_ROLES.includes(options.role as HqRole))
    throw new UsageError(`hq add-user needs --role ${HQ_ROLES.join('|')}`)
  const password = stdin.split(/\r?\n/)[0] ?? ''
  if (password.length < 10)
    throw new UsageError(
      'hq add-user: give the password (at least 10 characters) on stdin, e.g. from a prompt or a file'
    )
  const storeIds: string[] = []
  for (const name of options.stores) {
    const [store] = await db.query<{ id: string }>('SELECT id FROM stores WHERE name = ?', [name])
    if (!store) throw new UsageError(`hq add-user: no store "${name}"`)
    storeIds.push(store.id)
  }
  const passwordHash = await hashSecret(password)
  try {
    await db.transaction(async (tx) => {
      const now = systemHqClock.now()
      const user = await insertUser(
        tx,
        { name: options.name!, role: options.role as HqRole, passwordHash, storeIds },
        now
      )
      await writeAudit(tx, null, now, {
        action: 'users.create',
        subject: user.id,
        details: { name: user.name, role: user.role, storeIds: user.storeIds, via: 'cli' }
      })
    })
  } catch (error) {
    if (error instanceof HqRefusal) throw new UsageError(`hq add-user: ${error.message}`)
    throw error
  }
}
