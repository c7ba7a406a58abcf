#!/usr/bin/env node
'use strict'
// The `kassa` command. Runs the bundle that `npm ci` builds (scripts/build-node.mjs); builds it first
// when it is missing, with the build's output sent to stderr so stdout stays the command's own.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { execFileSync } = require('node:child_process')

const root = join(__dirname, '..')
const bundle = join(root, 'out', 'node', 'kassa.cjs')

if (!existsSync(bundle)) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], {
    cwd: root,
    stdio: ['ignore', 2, 2]
  })
}
require(bundle)
