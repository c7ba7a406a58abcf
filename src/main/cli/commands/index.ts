import type { CliCommandEntry } from '../command'

// Every `kassa` subcommand, one entry each; the module is imported only when its command runs.
export const commands: readonly CliCommandEntry[] = [
  {
    name: 'hq',
    summary: 'run the head office (sync server), or: hq enrol-code --store NAME | hq publish --store NAME',
    load: async () => (await import('../../../server/cli/hq-command')).hqCommand
  },
  {
    name: 'quote',
    summary: 'quote carts read as JSON on stdin',
    load: async () => (await import('./quote')).quote
  },
  {
    name: 'audit verify',
    summary: 'check the audit log hash chain',
    load: async () => (await import('./audit-verify')).auditVerify
  },
  {
    name: 'import-products',
    summary: 'import products from a CSV file (upsert by SKU)',
    load: async () => (await import('./import-products')).importProducts
  },
  {
    name: 'report day',
    summary: "print a business day's Z-report (text, or --json)",
    load: async () => (await import('./report-day')).reportDay
  },
  {
    name: 'sync enrol',
    summary: 'enrol this till with a head office (one-time code)',
    load: async () => (await import('./sync')).syncEnrol
  },
  {
    name: 'sync unenrol',
    summary:
      'disconnect this till from its head office (--yes; refused while a shift is open or events wait)',
    load: async () => (await import('./sync')).syncUnenrol
  },
  {
    name: 'sync status',
    summary: 'where the sync with the head office stands (text, or --json)',
    load: async () => (await import('./sync')).syncStatus
  },
  {
    name: 'sync now',
    summary: 'push the outbox and pull master data now',
    load: async () => (await import('./sync')).syncNow
  },
  {
    name: 'simulate',
    summary: 'sell a simulated day on a till of its own (demos, benches, tests)',
    load: async () => (await import('./simulate')).simulate
  }
]
