/** What a `kassa` subcommand may touch: its streams and the data directory, never `process` itself. */
export interface CliContext {
  /** `--data-dir DIR` or `KASSA_DATA_DIR`, resolved to an absolute path; commands that open a store need it. */
  readonly dataDir: string | undefined
  readonly stdin: AsyncIterable<string | Uint8Array>
  readonly stdout: { write(text: string | Uint8Array): unknown }
  readonly stderr: { write(text: string): unknown }
  /** The environment, for commands with settings of their own (`kassa hq`: KASSA_HQ_DATABASE_URL). */
  readonly env?: NodeJS.ProcessEnv
}

/** A subcommand: `run` returns the exit status (0 ok, 2 bad usage or input, 1 anything else). */
export interface CliCommand {
  /** One line per form, e.g. `kassa quote < cart.json`. */
  readonly usage: string
  run(args: readonly string[], context: CliContext): Promise<number>
}

/** A registry entry: the command's module is loaded only when it runs, to keep `kassa` quick to start. */
export interface CliCommandEntry {
  /** Words typed after `kassa`: `quote`, `audit verify`. */
  readonly name: string
  readonly summary: string
  load(): Promise<CliCommand>
}

/** Wrong arguments: reported as `error: …` with exit status 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError'
}
