import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach } from 'vitest'
import type { ApiError, ChannelInput, ChannelName, ChannelOutput, Result } from '@shared/contract'
import type { Core } from '../../../src/main/app/create-core'
import { addStaff, loginAs, openTestCore, setupOwner, STAFF } from '../../support/accounts'

const opened: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of opened.splice(0)) shop.close()
})

/**
 * A fresh shop (demo catalog seeded), with sessions for the owner, a manager and a cashier. Closed after
 * each test unless `keepOpen` (then the caller closes it, e.g. in `afterAll`).
 */
export async function openCatalogShop(options: { dataDir?: string; keepOpen?: boolean } = {}) {
  const test = await openTestCore(options.dataDir ? { dataDir: options.dataDir } : {})
  if (!options.keepOpen) opened.push(test)
  const { core } = test
  const owner = await setupOwner(core)
  await addStaff(core, owner)
  const manager = await loginAs(core, STAFF.manager.username, STAFF.manager.password)
  const cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)
  return { ...test, owner, manager, cashier }
}

export async function call<C extends ChannelName>(
  core: Core,
  sessionId: string,
  channel: C,
  input: ChannelInput<C>
): Promise<Result<ChannelOutput<C>>> {
  return (await core.router.dispatch(channel, input, { sessionId })) as Result<ChannelOutput<C>>
}

export async function ok<C extends ChannelName>(
  core: Core,
  sessionId: string,
  channel: C,
  input: ChannelInput<C>
): Promise<ChannelOutput<C>> {
  const result = await call(core, sessionId, channel, input)
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message}`)
  return result.value
}

export async function refused<C extends ChannelName>(
  core: Core,
  sessionId: string,
  channel: C,
  input: ChannelInput<C>
): Promise<ApiError> {
  const result = await call(core, sessionId, channel, input)
  if (result.ok) throw new Error(`${channel} was accepted: ${JSON.stringify(result.value).slice(0, 200)}`)
  return result.error
}

/** Reads the shop's file directly, as an auditor would. */
export function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

export function count(dataDir: string, table: string, where = '', ...params: unknown[]): number {
  return query<{ n: number }>(dataDir, `SELECT count(*) AS n FROM ${table} ${where}`, ...params)[0]!.n
}

export const COLA = {
  sku: 'TEST-COLA',
  barcodes: ['6954767412344'],
  nameZh: '测试可乐 330ml',
  nameEn: 'Test Cola 330ml',
  price: '3.50',
  taxRate: '0.13'
}
