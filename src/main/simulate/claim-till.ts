import { existsSync, readdirSync } from 'node:fs'
import { dataPaths } from '../core/data-dir'
import { openDatabase } from '../store/database'
import { createStore } from '../store/store'

/** The preference that marks a till as made by `kassa simulate` (and so one it may sell into). */
export const SIMULATED_TILL_KEY = 'simulate.till'

/** Refused: the data directory holds something simulate must not touch. */
export class NotASimulatedTillError extends Error {
  override readonly name = 'NotASimulatedTillError'
}

/**
 * Makes sure `dataDir` is a till simulate may sell into, and marks it so: a directory that does
 * not exist yet or is empty (a new till), a Kassa file nobody has set up, or a till an earlier
 * simulation made. Anything else — a shop's real till, a folder of other files — is refused before
 * a byte is written, so fake sales can never land in real books. Returns whether the till is new
 * and its outbox's highest seq (how much it has already done).
 *
 * @throws NotASimulatedTillError naming what was found
 */
export async function claimSimulatedTill(dataDir: string): Promise<{ fresh: boolean; history: number }> {
  const paths = dataPaths(dataDir)
  if (!existsSync(paths.database)) {
    const entries = existsSync(dataDir) ? readdirSync(dataDir) : []
    if (entries.length > 0)
      throw new NotASimulatedTillError(
        `${dataDir} is not empty and holds no Kassa till (found ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); give simulate a new or empty directory`
      )
  }
  const { db } = await openDatabase(paths.database, { backupDir: paths.backups })
  try {
    const store = createStore(db)
    // How much the till has already done: a second run of one seed and date on the same till must
    // not remake the first run's ids and keys.
    const history = store.outbox.highestSeq()
    if (store.preferences.get(SIMULATED_TILL_KEY) !== null)
      return { fresh: store.users.setupCompletedAt() === null, history }
    if (store.users.setupCompletedAt() !== null || store.orders.hasSales())
      throw new NotASimulatedTillError(
        `${dataDir} holds a till that kassa simulate did not make; simulate only sells into its own tills`
      )
    store.transaction(() => store.preferences.set(SIMULATED_TILL_KEY, '1'))
    return { fresh: true, history }
  } finally {
    db.close()
  }
}
