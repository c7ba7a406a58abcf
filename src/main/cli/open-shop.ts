import { systemClock } from '../core/clock'
import { dataPaths, type DataPaths } from '../core/data-dir'
import { createEventBus } from '../core/event-bus'
import { createFileLogger } from '../core/logger'
import type { ServiceContext } from '../services/service-context'
import { openDatabase } from '../store/database'
import { createStore } from '../store/store'

/**
 * Opens the shop's file in `dataDir` for one `kassa` command, as the app opens it (health check,
 * backup before a migration, migrate forward: `openDatabase`), builds the services' context on
 * the system clock with the data dir's log, runs `work` and closes the file whatever happens.
 * Whatever `work` throws is thrown on; a missing file is created, so a command that only reads
 * checks for it first.
 */
export async function withShop<T>(
  dataDir: string,
  work: (ctx: ServiceContext, paths: DataPaths) => Promise<T> | T
): Promise<T> {
  const paths = dataPaths(dataDir)
  const { db } = await openDatabase(paths.database, { backupDir: paths.backups })
  try {
    const ctx: ServiceContext = {
      store: createStore(db),
      clock: systemClock,
      events: createEventBus(),
      logger: createFileLogger(paths.logs)
    }
    return await work(ctx, paths)
  } finally {
    db.close()
  }
}
