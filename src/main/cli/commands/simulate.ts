import { isCalendarDate } from '@shared/contract/text'
import { NotASimulatedTillError } from '../../simulate/claim-till'
import { runSimulation } from '../../simulate/run-simulation'
import { UnsellableDayError } from '../../simulate/plan-day'
import { RefusedCallError } from '../../simulate/till-caller'
import { UsageError, type CliCommand } from '../command'

declare const __KASSA_VERSION__: string

const MAX_ORDERS = 100_000

/** Reads `--name VALUE` or `--name=VALUE` from `args`; undefined when absent. */
function option(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === name) {
      const value = args[i + 1]
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`simulate: ${name} needs a value`)
      return value
    }
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1)
  }
  return undefined
}

/**
 * `kassa --data-dir DIR simulate --date YYYY-MM-DD --orders N [--seed S]`: sells a day of N orders on
 * the till in DIR through its real services (see `runSimulation`), for demos, benches and tests.
 * DIR must be given and be new, empty, or a till an earlier simulation made; payments go to the
 * sandbox. Prints what was sold. Exit 0 done; 2 bad usage or a directory it may not touch.
 */
export const simulate: CliCommand = {
  usage: 'kassa --data-dir DIR simulate --date YYYY-MM-DD --orders N [--seed S]   sell a simulated day',
  async run(args, { dataDir, stdout, stderr }) {
    const known = ['--date', '--orders', '--seed']
    for (let i = 0; i < args.length; i++) {
      const name = args[i]!.split('=')[0]!
      if (!known.includes(name)) throw new UsageError(`simulate: unknown argument ${args[i]}`)
      if (!args[i]!.includes('=')) i++
    }
    if (dataDir === undefined)
      throw new UsageError('simulate needs --data-dir DIR: it only ever sells into the till it is given')
    const date = option(args, '--date')
    if (date === undefined || !isCalendarDate(date))
      throw new UsageError('simulate needs --date YYYY-MM-DD, a date such as 2026-11-25')
    const ordersText = option(args, '--orders')
    if (ordersText === undefined || !/^\d+$/.test(ordersText) || Number(ordersText) < 1)
      throw new UsageError('simulate needs --orders N, a whole number of 1 or more')
    const orders = Number(ordersText)
    if (orders > MAX_ORDERS) throw new UsageError(`simulate: --orders is at most ${MAX_ORDERS}`)
    const seedText = option(args, '--seed') ?? '1'
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff)
      throw new UsageError('simulate: --seed must be a whole number from 0 to 4294967295')

    const version = typeof __KASSA_VERSION__ === 'string' ? __KASSA_VERSION__ : 'cli'
    try {
      const summary = await runSimulation({
        dataDir,
        date,
        orders,
        seed: Number(seedText),
        version,
        progress: (line) => stderr.write(`${line}\n`)
      })
      const t = summary.tenders
      stdout.write(
        [
          `simulated ${summary.date} on till ${summary.terminal}: ${summary.orders} orders (${summary.firstOrder} … ${summary.lastOrder}), ${summary.voided} voided, ${summary.refunds} refunds, ${summary.couponsApplied} coupons`,
          `tenders: cash ${t.cash}, card ${t.card}, alipay ${t.alipay}, wechat ${t.wechat}`,
          `shift ${summary.shift.number}: expected ${summary.shift.expected}, counted ${summary.shift.counted}, over/short ${summary.shift.overShort} (minor units)`,
          ''
        ].join('\n')
      )
      return 0
    } catch (error) {
      if (error instanceof NotASimulatedTillError) throw new UsageError(error.message)
      if (error instanceof UnsellableDayError) throw new UsageError(`simulate: ${error.message}`)
      if (error instanceof RefusedCallError)
        throw new UsageError(`simulate: the till refused: ${error.message}`)
      throw error
    }
  }
}
