import type { Bench, BenchRow } from './bench'

// `npm run bench`: every bench module, one line each. Figures are printed next to a baseline measured in
// the same run, with their ratio; nothing here asserts an absolute time.
// `npm run bench -- felt` runs only the benches whose name contains `felt`; `npm run bench -- =checkout`
// only the one named exactly `checkout`.
const benches: Array<[string, () => Promise<{ bench: Bench }>]> = [
  ['quote', () => import('./quote.bench')],
  ['search', () => import('./search.bench')],
  ['checkout', () => import('./checkout.bench')],
  ['zreport', () => import('./zreport.bench')],
  ['sync', () => import('./sync.bench')],
  ['hq-report', () => import('./hq-report.bench')],
  ['sync-checkout', () => import('./sync-checkout.bench')],
  ['felt-speed', () => import('./felt-speed.bench')]
]

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2))

function printTable(title: string, rows: BenchRow[]): void {
  const cells = rows.map((r) => [
    r.name,
    `${fmt(r.figure.ms)} ms`,
    `${r.baseline.label}: ${fmt(r.baseline.ms)} ms`,
    `×${(r.figure.ms / r.baseline.ms).toFixed(2)}`
  ])
  const header = ['measure', 'figure', 'baseline (same run)', 'ratio']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)))
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i] as number)).join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const c of cells) console.log(line(c))
  for (const r of rows) {
    console.log(`  · ${r.name}: ${r.figure.label}`)
    if (r.note !== undefined) console.log(`    ${r.note}`)
  }
}

async function main(): Promise<void> {
  const only = process.argv[2]
  for (const [name, load] of benches) {
    if (only && !(only.startsWith('=') ? name === only.slice(1) : name.includes(only))) continue
    const { bench } = await load()
    printTable(bench.title, await bench.run())
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
