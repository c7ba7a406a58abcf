import { existsSync } from 'node:fs'
import { dataPaths } from '../../core/data-dir'
import { verifyAuditChain } from '../../services/audit-verify'
import { openConnection } from '../../store/connection'
import { createAuditRepo } from '../../store/repos/audit-repo'
import { UsageError, type CliCommand } from '../command'

/**
 * `kassa --data-dir DIR audit verify`: walks the audit log's hash chain in the shop's file,
 * read-only, and names the first entry that does not chain. Exit 0 intact, 1 broken.
 */
export const auditVerify: CliCommand = {
  usage: 'kassa --data-dir DIR audit verify     check the audit log hash chain (exit 0 intact, 1 broken)',
  async run(args, { dataDir, stdout }) {
    if (args.length > 0) throw new UsageError(`audit verify takes no arguments, got ${args.join(' ')}`)
    if (dataDir === undefined) throw new UsageError('audit verify needs --data-dir DIR (or KASSA_DATA_DIR)')
    const file = dataPaths(dataDir).database
    if (!existsSync(file)) throw new UsageError(`no Kassa database in ${dataDir} (expected ${file})`)
    const db = openConnection(file, { readonly: true })
    try {
      const result = verifyAuditChain(createAuditRepo(db).iterate())
      if (result.ok) {
        stdout.write(`audit log intact: ${result.entries} entries\n`)
        return 0
      }
      stdout.write(`audit log BROKEN at entry ${result.brokenAtSeq}: ${result.reason}\n`)
      return 1
    } finally {
      db.close()
    }
  }
}
