import type { SyncStatus } from '@shared/contract/channels/sync'
import { DomainError } from '../../domain/errors'
import { createSyncService, type SyncService } from '../../sync/sync-service'
import { withShop } from '../open-shop'
import { UsageError, type CliCommand, type CliContext } from '../command'

declare const __KASSA_VERSION__: string
const version = (): string => (typeof __KASSA_VERSION__ === 'string' ? __KASSA_VERSION__ : 'cli')

/** Opens the till in `dataDir` with its sync service (no background loops), runs `work`, closes it. */
async function withSync<T>(
  context: CliContext,
  command: string,
  work: (sync: SyncService) => Promise<T>
): Promise<T> {
  if (context.dataDir === undefined)
    throw new UsageError(`${command} needs --data-dir DIR (or KASSA_DATA_DIR)`)
  try {
    return await withShop(context.dataDir, (ctx, paths) =>
      work(createSyncService(ctx, { dataDir: paths.root, appVersion: version() }))
    )
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(`${command}: ${error.message}`)
    throw error
  }
}

/** The status as a few lines for a person. */
export function syncStatusText(status: SyncStatus): string {
  if (!status.enrolled) return 'not enrolled with a head office\n'
  const lines = [
    `head office: ${status.hqUrl} (${status.storeName}), till ${status.tillCode}`,
    `state: ${status.state}${status.offlineSince ? ` since ${status.offlineSince}` : ''}`,
    `backlog: ${status.backlog} event${status.backlog === 1 ? '' : 's'}${status.oldestUnsyncedAt ? `, oldest from ${status.oldestUnsyncedAt}` : ''}${status.warning ? ' (over 24 hours: sync soon)' : ''}`,
    `last push: ${status.lastPushAt ?? 'never'}; last pull: ${status.lastPullAt ?? 'never'} (revision ${status.revision})`
  ]
  for (const error of status.errors.filter((e) => !e.resolved))
    lines.push(`error (${error.direction}, ${error.at}): ${error.code}: ${error.reason}`)
  return `${lines.join('\n')}\n`
}

/** Reads `--name VALUE` / `--name=VALUE`. */
function option(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1]
    if (args[i]!.startsWith(`${name}=`)) return args[i]!.slice(name.length + 1)
  }
  return undefined
}

function refuseUnknown(
  args: readonly string[],
  command: string,
  known: readonly string[],
  flags: readonly string[] = []
): void {
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.split('=')[0]!
    if (flags.includes(name)) continue
    if (!known.includes(name)) throw new UsageError(`${command}: unknown argument ${args[i]}`)
    if (!args[i]!.includes('=')) i++
  }
}

/** `kassa --data-dir DIR sync enrol --hq URL --code CODE [--label NAME]`: enrols the till, then syncs once. */
export const syncEnrol: CliCommand = {
  usage:
    'kassa --data-dir DIR sync enrol --hq URL --code CODE [--label NAME]   enrol this till with a head office',
  async run(args, context) {
    refuseUnknown(args, 'sync enrol', ['--hq', '--code', '--label'])
    const hqUrl = option(args, '--hq')
    const code = option(args, '--code')
    if (!hqUrl || !code)
      throw new UsageError('sync enrol needs --hq URL and --code CODE (from kassa hq enrol-code)')
    const label = option(args, '--label')
    const status = await withSync(context, 'sync enrol', (sync) =>
      sync.enrol({ hqUrl, code, ...(label ? { label } : {}) }, { userId: null })
    )
    context.stdout.write(
      `enrolled as till ${status.tillCode} of ${status.storeName}\n${syncStatusText(status)}`
    )
    return 0
  }
}

/**
 * `kassa --data-dir DIR sync unenrol --yes`: disconnects the till from its head office. Refused
 * (exit 2, the reason) while a shift is open or events are unsynced; `--yes` is the confirmation.
 */
export const syncUnenrol: CliCommand = {
  usage:
    'kassa --data-dir DIR sync unenrol --yes   disconnect this till from its head office (it keeps its key: enrolling again with the same head office continues as the same till)',
  async run(args, context) {
    refuseUnknown(args, 'sync unenrol', [], ['--yes'])
    if (!args.includes('--yes'))
      throw new UsageError(
        'sync unenrol: this till would stop sending sales to the head office and receiving its master data; run again with --yes to confirm (refused while a shift is open or events are unsynced)'
      )
    const status = await withSync(context, 'sync unenrol', (sync) => sync.unenrol({ userId: null }))
    context.stdout.write(`un-enrolled from the head office\n${syncStatusText(status)}`)
    return 0
  }
}

/** `kassa --data-dir DIR sync status [--json]`. */
export const syncStatus: CliCommand = {
  usage: 'kassa --data-dir DIR sync status [--json]   where the sync with the head office stands',
  async run(args, context) {
    refuseUnknown(args, 'sync status', [], ['--json'])
    const status = await withSync(context, 'sync status', async (sync) => sync.status())
    context.stdout.write(
      args.includes('--json') ? `${JSON.stringify(status, null, 2)}\n` : syncStatusText(status)
    )
    return 0
  }
}

/** `kassa --data-dir DIR sync now [--json]`: push everything, pull master data; exit 1 if something is left. */
export const syncNow: CliCommand = {
  usage: 'kassa --data-dir DIR sync now [--json]   push the outbox and pull master data now',
  async run(args, context) {
    refuseUnknown(args, 'sync now', [], ['--json'])
    const status = await withSync(context, 'sync now', (sync) => sync.syncNow())
    context.stdout.write(
      args.includes('--json') ? `${JSON.stringify(status, null, 2)}\n` : syncStatusText(status)
    )
    return status.backlog === 0 && status.state === 'synced' ? 0 : 1
  }
}
