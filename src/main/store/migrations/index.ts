import type { Migration } from './types'
import { migration0010Initial } from './0010-initial'

/** Every schema step, in order. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration0010Initial]

export const latestSchemaVersion = migrations[migrations.length - 1]!.version
