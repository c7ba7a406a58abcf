import { resolve } from 'node:path'
import { FieldError } from '../../shared/money/field-error'
import { UsageError, type CliCommandEntry, type CliContext } from './command'
import { commands } from './commands'

export interface GlobalOptions {
  readonly dataDir: string | undefined
  readonly help: boolean
  /** Everything else, in order: the command's words and its own arguments. */
  readonly rest: string[]
}

/** Splits the global options (`--data-dir`, `--help`) from the command's words and arguments. */
export function parseGlobalOptions(argv: readonly string[], env: NodeJS.ProcessEnv): GlobalOptions {
  let dataDir = env.KASSA_DATA_DIR === '' ? undefined : env.KASSA_DATA_DIR
  let help = false
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      rest.push(...argv.slice(i + 1))
      break
    } else if (arg === '--data-dir') {
      const value = argv[++i]
      if (value === undefined || value === '') throw new UsageError('--data-dir needs a directory')
      dataDir = value
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length)
      if (dataDir === '') throw new UsageError('--data-dir needs a directory')
    } else if (arg === '--help' || arg === '-h') {
      help = true
    } else {
      rest.push(arg)
    }
  }
  return { dataDir: dataDir === undefined ? undefined : resolve(dataDir), help, rest }
}

/** The registered command whose words start `words` (the longest, so `audit verify` beats `audit`). */
function findCommand(words: readonly string[]): CliCommandEntry | undefined {
  let found: CliCommandEntry | undefined
  for (const entry of commands) {
    const name = entry.name.split(' ')
    const matches = name.every((word, i) => words[i] === word)
    if (matches && (found === undefined || name.length > found.name.split(' ').length)) found = entry
  }
  return found
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'usage: kassa [--data-dir DIR] <command> [args]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    '  --data-dir DIR  the data directory (default: $KASSA_DATA_DIR)',
    "  -h, --help      show help, or a command's help after its name",
    ''
  ].join('\n')
}

/** One line, so a caller can read exactly one line of stderr per failure. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}

/**
 * Runs `kassa` with arguments `argv` (without `node` and the script) and returns the exit status:
 * 0 done, 2 bad usage or refused input (one `error: …` line on stderr), 1 anything unexpected.
 */
export async function runCli(
  argv: readonly string[],
  io: Omit<CliContext, 'dataDir'>,
  env: NodeJS.ProcessEnv = {}
): Promise<number> {
  try {
    const options = parseGlobalOptions(argv, env)
    const entry = findCommand(options.rest)
    if (entry === undefined) {
      if (options.rest.length === 0) {
        ;(options.help ? io.stdout : io.stderr).write(overview())
        return options.help ? 0 : 2
      }
      throw new UsageError(`unknown command "${options.rest[0]}" (try kassa --help)`)
    }
    const command = await entry.load()
    if (options.help) {
      io.stdout.write(`usage: ${command.usage}\n`)
      return 0
    }
    const args = options.rest.slice(entry.name.split(' ').length)
    return await command.run(args, { ...io, env, dataDir: options.dataDir })
  } catch (error) {
    if (error instanceof FieldError) {
      io.stderr.write(`error: ${oneLine(error.describe())}\n`)
      return 2
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${oneLine(error.message)}\n`)
      return 2
    }
    io.stderr.write(`error: internal: ${oneLine(error instanceof Error ? error.message : String(error))}\n`)
    return 1
  }
}
