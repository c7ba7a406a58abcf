import { runCli } from './run-cli'

// The `kassa` command's entry, bundled to out/node/kassa.cjs and started by bin/kassa.cjs.
void runCli(process.argv.slice(2), process, process.env).then((status) => {
  process.exitCode = status
})
