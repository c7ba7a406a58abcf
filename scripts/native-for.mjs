#!/usr/bin/env node
// better-sqlite3 is a native addon: Electron and Node need it compiled for different ABIs.
// `npm start` rebuilds it for Electron; `npm test` and `npm run web` rebuild it for Node.
// A marker file remembers which runtime the current build is for, so the rebuild only
// happens when switching.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-for.mjs node|electron')
  process.exit(2)
}
const require = createRequire(import.meta.url)
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
const marker = join(moduleDir, 'build', 'kassa-runtime')
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node'
if (current === target) process.exit(0)

console.log(`Rebuilding better-sqlite3 for ${target}…`)
if (target === 'electron') {
  execFileSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit' })
} else {
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' })
}
writeFileSync(marker, target)
