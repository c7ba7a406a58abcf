import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { runCli } from '../../src/main/cli/run-cli'

const root = resolve(__dirname, '../..')

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** `kassa …` as a real process, from the sources (tsx), so it needs no build. */
export function kassa(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--', resolve(root, 'src/main/cli/kassa.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.node.json'), ...env }
    }
  )
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** `kassa …` in this process (the same `runCli` the command runs), for tests that call it often. */
export async function kassaInProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const status = await runCli(
    args,
    {
      stdin: (async function* () {})(),
      stdout: { write: (text: string | Uint8Array) => (stdout += String(text)) },
      stderr: { write: (text: string) => (stderr += text) }
    },
    env
  )
  return { status, stdout, stderr }
}
