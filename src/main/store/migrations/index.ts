import type { Migration } from './types'
import { migration0010Initial } from './0010-initial'
import { migration0020Accounts } from './0020-accounts'

/** Every schema step, in order. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration0010Initial, migration0020Accounts]

export const latestSchemaVersion = migrations[migrations.length - 1]!.version
