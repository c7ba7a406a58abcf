import { ENROL_CODE_PATTERN, normaliseEnrolCode } from '@shared/sync/protocol'
import { generateTillKeyPair } from '@shared/sync/signing'
import { newId } from '../core/ids'
import { DomainError } from '../domain/errors'
import type { Actor, ServiceContext } from '../services/service-context'
import { currentShift, TERMINAL_KEY } from '../services/shifts/shift-guard'
import { normaliseHqUrl, SyncRequestError, type createHqClient } from './hq-client'
import { loadTillKey, removeTillKey, saveTillKey, type SecretProtector } from './key-store'

/** A refusal of the sync, keyed `errors.sync.<key>`. */
export const syncError = (
  code: DomainError['code'],
  message: string,
  key: string,
  field?: string,
  params?: Record<string, string | number>
) => new DomainError(code, message, field, { key: `errors.sync.${key}`, ...(params ? { params } : {}) })

/**
 * Enrols this till with a head office, up to the recorded enrolment (the service then starts syncing):
 * checks the URL and one-time code, takes the key pair it kept from an earlier enrolment or makes an
 * Ed25519 one (saved beside the database before asking, sealed where possible), sends the public key
 * with the code, signed by its private key, and on the answer records the enrolment, the clock offset
 * and the till code (`T03`) for its order numbers — one transaction with its audit entry.
 *
 * Enrolling again with a head office that knows the kept key continues as the same till (same id and
 * code); its push resumes where the head office stands, so nothing is sent twice (`reenrolled` in
 * the answer; the head office's rules are in `src/server/enrol/enrol-service.ts`).
 *
 * @throws DomainError CONFLICT `errors.sync.alreadyEnrolled`, `errors.sync.shiftOpen`,
 *   `errors.sync.revoked` { reason }; VALIDATION `hqUrl` / `code` (`errors.sync.badUrl`,
 *   `errors.sync.badCode`, `errors.sync.enrolCodeInvalid`, `errors.sync.enrolCodeExpired`,
 *   `errors.sync.storeMismatch` { reason }); UNAVAILABLE `errors.sync.unreachable` { reason },
 *   `errors.sync.refused` { reason }, `errors.sync.keySealed`
 */
export async function enrolTill(
  ctx: ServiceContext,
  deps: {
    client: ReturnType<typeof createHqClient>
    dataDir: string
    appVersion: string
    protector?: SecretProtector
    recordFailure: (direction: 'enrol', error: unknown) => void
  },
  input: { hqUrl: string; code: string; label?: string | undefined },
  actor: Actor
) {
  const { store, clock } = ctx
  const { client, recordFailure } = deps
  if (store.sync.state())
    throw syncError('CONFLICT', 'This till is already enrolled with a head office', 'alreadyEnrolled')
  if (currentShift(store))
    throw syncError('CONFLICT', "Close the open shift first: enrolling changes this till's code", 'shiftOpen')
  let hqUrl: string
  try {
    hqUrl = normaliseHqUrl(input.hqUrl)
  } catch (error) {
    throw syncError('VALIDATION', `hqUrl: ${(error as Error).message}`, 'badUrl', 'hqUrl')
  }
  const code = normaliseEnrolCode(input.code)
  if (!ENROL_CODE_PATTERN.test(code))
    throw syncError(
      'VALIDATION',
      'code: must be the 8 characters the head office printed, such as ABCD-EFGH',
      'badCode',
      'code'
    )
  // A till that was enrolled before kept its key pair (un-enrolling keeps it): it signs with it
  // again, which is how a head office that knows the key recognises the till and lets it continue
  // as itself. A new head office does not know the key and enrols it as a new till.
  let kept: { publicKey: string; privateKey: string } | null
  try {
    kept = loadTillKey(deps.dataDir, deps.protector)
  } catch (error) {
    throw syncError(
      'UNAVAILABLE',
      `This till's sync key cannot be opened: ${(error as Error).message}`,
      'keySealed'
    )
  }
  const pair = kept ?? (await generateTillKeyPair())
  // Saved before asking: whatever the answer, the key the head office may now hold is on disk.
  if (!kept) saveTillKey(deps.dataDir, pair, deps.protector)
  let answer
  try {
    answer = await client.enrol(hqUrl, pair.privateKey, {
      code,
      publicKey: pair.publicKey,
      appVersion: deps.appVersion,
      ...(input.label ? { label: input.label } : {})
    })
  } catch (error) {
    recordFailure('enrol', error)
    // A new key the head office refused goes; a kept one stays (it is who this till is elsewhere).
    if (!kept) removeTillKey(deps.dataDir)
    if (!(error instanceof SyncRequestError)) throw error
    const reason = error.error.reason
    switch (error.error.code) {
      case 'REVOKED':
        throw syncError('CONFLICT', `The head office refused: ${reason}`, 'revoked', undefined, { reason })
      case 'STORE_MISMATCH':
        throw syncError('VALIDATION', `code: ${reason}`, 'storeMismatch', 'code', { reason })
      case 'ENROL_CODE_INVALID':
        throw syncError('VALIDATION', 'code: unknown or already used', 'enrolCodeInvalid', 'code')
      case 'ENROL_CODE_EXPIRED':
        throw syncError(
          'VALIDATION',
          'code: expired; ask the head office for a new one',
          'enrolCodeExpired',
          'code'
        )
      case 'NETWORK':
        // The cause alone ("connect ECONNREFUSED …"): the message says the rest once.
        throw syncError(
          'UNAVAILABLE',
          `The head office cannot be reached: ${error.networkCause ?? reason}`,
          'unreachable',
          'hqUrl',
          { reason: error.networkCause ?? reason }
        )
      default:
        throw syncError('UNAVAILABLE', `The head office refused: ${reason}`, 'refused', undefined, {
          reason
        })
    }
  }
  const at = clock.now().toISOString()
  store.transaction(() => {
    store.sync.enrol({
      hqUrl,
      tillId: answer.tillId,
      storeId: answer.storeId,
      storeName: answer.storeName,
      tillCode: answer.tillCode,
      publicKey: pair.publicKey,
      enrolledAt: at,
      previousTerminal: store.preferences.get(TERMINAL_KEY)
    })
    store.sync.setClockOffset(new Date(answer.serverTime).getTime() - clock.now().getTime())
    store.preferences.set(TERMINAL_KEY, answer.tillCode)
    store.sync.resolveErrors('enrol', at)
    store.audit.append({
      id: newId(),
      at,
      actorUserId: actor.userId,
      approverUserId: actor.approverUserId ?? null,
      action: 'sync.enrolled',
      subject: answer.tillId,
      details: {
        hqUrl,
        tillCode: answer.tillCode,
        storeId: answer.storeId,
        storeName: answer.storeName,
        reenrolled: answer.reenrolled === true
      }
    })
  })
  return { hqUrl, answer }
}
