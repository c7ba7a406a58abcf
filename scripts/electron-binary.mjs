#!/usr/bin/env node
// Electron's own install script downloads a ~100 MB binary from outside the npm registry and
// exits non-zero when it cannot, which used to fail `npm ci` on machines that reach only the
// registry. package.json's `allowScripts` therefore denies electron's script (npm 11.19+ honours
// it; the package, its types and its `electron` bin are still installed), and this script runs
// the same download in its place:
//
//   node scripts/electron-binary.mjs            (the `postinstall`): try; on failure warn, exit 0
//   node scripts/electron-binary.mjs --required  (`npm start`, `npm run dev`): try; on failure exit 1
//
// Web mode, the `kassa` command, typechecking, building and every test except the desktop
// end-to-end test need no binary. `ELECTRON_SKIP_BINARY_DOWNLOAD=1` skips the attempt, and
// electron's usual variables (`ELECTRON_MIRROR`, `electron_config_cache`, …) apply.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const required = process.argv.includes('--required')
const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))

/** True when electron's dist holds the binary of the installed version (its own `isInstalled`). */
function binaryPresent() {
  try {
    const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim()
    const exe = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    return distVersion.replace(/^v/, '') === version && existsSync(join(electronDir, 'dist', exe))
  } catch {
    return false
  }
}

if (binaryPresent()) process.exit(0)
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !required) {
  console.log('electron-binary: ELECTRON_SKIP_BINARY_DOWNLOAD is set; desktop binary not fetched')
  process.exit(0)
}

// Electron's install.js returns early when this is set; the caller asked for the download.
const env = { ...process.env }
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8'
})
if (result.status === 0 && binaryPresent()) process.exit(0)

const reason = (result.stderr || result.error?.message || '').trim().split('\n')[0]
const message = [
  `electron-binary: could not download Electron's binary (${reason || `exit ${result.status}`}).`,
  '  Web mode (`npm run web`), the `kassa` command, the build and the tests do not need it.',
  '  For the desktop app, run `npm run electron:fetch` where the download is reachable',
  '  (or set ELECTRON_MIRROR to a mirror you can reach).'
].join('\n')
if (required) {
  console.error(message)
  process.exit(1)
}
console.warn(message)
