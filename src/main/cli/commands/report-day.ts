import { isCalendarDate } from '@shared/contract/text'
import { existsSync } from 'node:fs'
import { dataPaths } from '../../core/data-dir'
import { zReportText } from '../../domain/reports/z-report-text'
import { createNotificationsService } from '../../services/notifications-service'
import { createSettlementService } from '../../services/settlement/settlement-service'
import { createSettingsService } from '../../services/settings-service'
import { withShop } from '../open-shop'
import { UsageError, type CliCommand } from '../command'

/**
 * `kassa --data-dir DIR report day YYYY-MM-DD [--json]`: a business day's Z-report, the same one
 * the Settlement screen shows (live figures while the day is open, the frozen report once it is
 * settled). Text by default, amounts as decimals in the store currency; `--json` prints the
 * report object with amounts in minor units. Reads only.
 */
export const reportDay: CliCommand = {
  usage: 'kassa --data-dir DIR report day YYYY-MM-DD [--json]   print the Z-report of a business day',
  async run(args, { dataDir, stdout }) {
    const json = args.includes('--json')
    const rest = args.filter((arg) => arg !== '--json')
    const unknown = rest.find((arg) => arg.startsWith('--'))
    if (unknown !== undefined) throw new UsageError(`report day: unknown option ${unknown}`)
    if (rest.length !== 1) throw new UsageError('report day needs one date, YYYY-MM-DD')
    const date = rest[0]!
    if (!isCalendarDate(date)) throw new UsageError(`report day: ${date} is not a date such as 2026-11-25`)
    if (dataDir === undefined) throw new UsageError('report day needs --data-dir DIR (or KASSA_DATA_DIR)')
    const paths = dataPaths(dataDir)
    if (!existsSync(paths.database))
      throw new UsageError(`no Kassa database in ${dataDir} (expected ${paths.database})`)

    return withShop(dataDir, (ctx) => {
      const settings = createSettingsService(ctx)
      const settlement = createSettlementService(ctx, {
        settings,
        notifications: createNotificationsService(ctx, { platform: {} })
      })
      const report = settlement.report(date)
      stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : zReportText(report, 'en'))
      return 0
    })
  }
}
