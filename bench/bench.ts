/** One measured figure beside its baseline, measured in the same run. */
export interface BenchRow {
  readonly name: string
  readonly figure: Measure
  readonly baseline: Measure
  /** A verdict or remark printed under the table, e.g. a budget met or missed. */
  readonly note?: string
}

export interface Measure {
  readonly label: string
  readonly ms: number
}

/** A bench module: `bench/run.ts` runs each in turn and prints its rows. */
export interface Bench {
  readonly title: string
  run(): Promise<BenchRow[]>
}

/** The median of `runs` timings of `work` (after one warm-up call when `warmUp` is set), in ms. */
export async function medianMs(runs: number, work: () => unknown, warmUp = true): Promise<number> {
  if (warmUp) await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}
