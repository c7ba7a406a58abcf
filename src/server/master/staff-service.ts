import { randomUUID } from 'node:crypto'
import { ACCOUNT_MESSAGES, passwordProblem } from '@shared/contract/account-messages'
import type { HqStaff, Published, StaffSave } from '@shared/hq-api/master-data-schemas'
import type { MasterData } from '@shared/sync/protocol'
import { DEFAULT_HASH_PARAMS, hashSecret, type HashParams } from '../../main/services/secret-hash'
import { HqRefusal } from '../admin/refusal'
import { refuse } from './errors'
import { allStoreIds, publishChange, readRecord, readRecords, requireStores } from './records'
import type { MasterDeps, Reader } from './types'

type StaffData = MasterData<'staff'>

export interface StaffOptions {
  /** Whether the person saving may give the till role `owner` (the head office's owner only). */
  mayGrantOwner: boolean
  /** The stores the person saving may change (a manager's own); null = every store. */
  writableStoreIds: readonly string[] | null
  /** scrypt cost; tests lower it. */
  hashParams?: HashParams
}

/**
 * Creates or changes a person of the tills in the stores named: the same id, username, role and
 * credential hashes in each, so they sign in at any till of those stores. The password and PIN are
 * hashed here with the till's own scrypt format (`scrypt$N$r$p$salt$key`) before anything is
 * written: only the hashes are published, and neither the secret nor a hash is ever in the audit,
 * a log or an answer. A store dropped from the list gets a `delete`, which deactivates the person
 * on its tills. One transaction (one revision per store touched, one audit row).
 *
 * Refusals, nothing written: VALIDATION on `password` (the till's rule: 8+ characters, not only
 * digits, not the username — `errors.accounts.*`) or `password`/`pin` missing for a new person
 * (`errors.hq.master.secretRequired`); FORBIDDEN on `role` (a manager giving `owner`) or on
 * `storeIds` (dropping a store the saver may not change); CONFLICT on `username` when another person
 * of a store has it; NOT_FOUND on `id`.
 */
export async function saveStaff(
  deps: MasterDeps,
  input: StaffSave,
  options: StaffOptions
): Promise<Published & { id: string }> {
  if (input.role === 'owner' && !options.mayGrantOwner)
    throw refuse(
      'FORBIDDEN',
      'role',
      'errors.hq.master.ownerRoleOwnerOnly',
      'only the head office owner may make a till owner'
    )
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, input.username)
    if (problem)
      throw new HqRefusal(
        'VALIDATION',
        `password: ${ACCOUNT_MESSAGES[problem]}`,
        `errors.accounts.${problem}`,
        'password'
      )
  }
  if (!input.id) {
    for (const field of ['password', 'pin'] as const)
      if (input[field] === undefined)
        throw refuse(
          'VALIDATION',
          field,
          'errors.hq.master.secretRequired',
          `${field}: is required for a new person`
        )
  }
  const params = options.hashParams ?? DEFAULT_HASH_PARAMS
  // Hashed before the transaction: a retried transaction must not hash again, and no secret waits in it.
  const passwordHash = input.password === undefined ? null : await hashSecret(input.password, params)
  const pinHash = input.pin === undefined ? null : await hashSecret(input.pin, params)

  return publishChange(deps, async (tx, publish) => {
    const stores = await requireStores(tx, input.storeIds, 'storeIds')
    const id = input.id ?? randomUUID()
    const held = input.id ? await storesHolding(tx, input.id) : []
    if (input.id && held.length === 0)
      throw refuse('NOT_FOUND', 'id', 'errors.hq.master.unknownStaff', `no such person ${input.id}`)
    const current = held[0]?.data
    const data: StaffData = {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: passwordHash ?? current!.passwordHash,
      pinHash: pinHash ?? current!.pinHash,
      active: input.active
    }
    const revisions: Published['revisions'] = []
    for (const store of stores) {
      const clash = (await readRecords(tx, store.id, 'staff')).find(
        (r) => r.id !== id && r.data.username.toLowerCase() === input.username.toLowerCase()
      )
      if (clash)
        throw refuse(
          'CONFLICT',
          'username',
          'errors.hq.master.usernameTaken',
          `${input.username} is taken in ${store.name}`,
          {
            username: input.username,
            store: store.name
          }
        )
      revisions.push({
        storeId: store.id,
        revision: await publish(store.id, [{ entity: 'staff', id, op: 'put', data }])
      })
    }
    const named = new Set(input.storeIds)
    for (const { storeId } of held.filter((h) => !named.has(h.storeId))) {
      if (options.writableStoreIds && !options.writableStoreIds.includes(storeId))
        throw refuse(
          'FORBIDDEN',
          'storeIds',
          'errors.hq.master.storeNotYours',
          'you may not change the staff of that store'
        )
      revisions.push({ storeId, revision: await publish(storeId, [{ entity: 'staff', id, op: 'delete' }]) })
    }
    await deps.audit(tx, {
      action: input.id ? 'master.staff.update' : 'master.staff.create',
      subject: id,
      // Whether the credentials changed — never the secrets or their hashes.
      details: {
        username: input.username,
        role: input.role,
        active: input.active,
        storeIds: input.storeIds,
        newCredentials: [...(passwordHash ? ['password'] : []), ...(pinHash ? ['PIN'] : [])]
      }
    })
    return { id, revisions }
  })
}

/** The stores whose tills hold this person now, with their record. */
async function storesHolding(q: Reader, id: string): Promise<Array<{ storeId: string; data: StaffData }>> {
  const held: Array<{ storeId: string; data: StaffData }> = []
  for (const storeId of await allStoreIds(q)) {
    const data = await readRecord(q, storeId, 'staff', id)
    if (data) held.push({ storeId, data })
  }
  return held
}

/** The people of the tills of the stores given (each with the stores they are in), without credentials. */
export async function listStaff(q: Reader, storeIds: readonly string[]): Promise<HqStaff[]> {
  const people = new Map<string, HqStaff>()
  for (const storeId of storeIds) {
    for (const { data } of await readRecords(q, storeId, 'staff')) {
      const person = people.get(data.id) ?? {
        id: data.id,
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        active: data.active,
        storeIds: []
      }
      person.storeIds.push(storeId)
      people.set(data.id, person)
    }
  }
  return [...people.values()].sort((a, b) => a.username.localeCompare(b.username))
}
