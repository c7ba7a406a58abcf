// A head office in its own process, for the fault tests that kill it: `node hq-child.cjs DATA_DIR PORT [DATABASE_URL]`.
// Prints one `ready URL` line once it listens.
import { startHq } from '../../src/server/hq'

const [dataDir, port, databaseUrl] = process.argv.slice(2)
startHq({
  dataDir: dataDir!,
  port: Number(port),
  databaseUrl: databaseUrl || undefined,
  logError: () => undefined
}).then(
  (hq) => {
    process.stdout.write(`ready ${hq.url}\n`)
    process.once('SIGTERM', () => void hq.close().then(() => process.exit(0)))
    process.once('SIGINT', () => void hq.close().then(() => process.exit(0)))
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
)
