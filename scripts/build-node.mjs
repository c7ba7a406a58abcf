// Bundles Kassa's plain-Node entry points (the `kassa` command, the web-mode server) to CommonJS in
// out/node/. Runs on `npm ci` (the `prepare` script) and from bin/kassa.cjs when the bundle is missing,
// so it logs to stderr only: stdout may be carrying a command's JSON.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// One line per entry point; `optional` ones are skipped while their source does not exist yet.
const entries = [
  { in: 'src/main/cli/kassa.ts', out: 'kassa' },
  { in: 'src/main/web/start.ts', out: 'web', optional: true },
  // The sync push process (src/main/sync/push-process.ts starts it from beside these bundles).
  { in: 'src/main/sync/push-worker.ts', out: 'sync-push-worker' }
]

const present = entries.filter((entry) => {
  if (existsSync(resolve(root, entry.in))) return true
  if (entry.optional) return false
  throw new Error(`build-node: entry point ${entry.in} is missing`)
})

await build({
  absWorkingDir: root,
  entryPoints: present.map((entry) => ({ in: entry.in, out: entry.out })),
  outdir: 'out/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies stay in node_modules: native ones (better-sqlite3) cannot be bundled anyway.
  packages: 'external',
  alias: { '@shared': './src/shared' },
  sourcemap: true,
  logLevel: 'warning'
})

process.stderr.write(`build-node: built ${present.map((entry) => `out/node/${entry.out}.cjs`).join(', ')}\n`)
