import { newId } from '../core/ids'
import type { Actor, ServiceContext } from '../services/service-context'
import { currentShift, TERMINAL_KEY } from '../services/shifts/shift-guard'
import { syncError } from './enrol-till'
import { requireNothingUnsynced } from './unsynced-guard'

/**
 * Forgets the head office in one transaction (the till keeps its key pair, so enrolling again with
 * the same head office continues as the same till), its terminal code back to what it was, audited
 * `sync.unenrolled`. Both refusals are checked again inside the transaction: another process may
 * have sold meanwhile.
 * @throws DomainError CONFLICT (no field) `errors.sync.notEnrolled`; `errors.sync.unenrolShiftOpen`;
 *   `errors.sync.unsyncedEvents` { count } while any event is unsynced
 */
export function unenrolTill(ctx: ServiceContext, actor: Actor): void {
  const { store, clock } = ctx
  const state = store.sync.state()
  if (!state) throw syncError('CONFLICT', 'This till is not enrolled with a head office', 'notEnrolled')
  const refuseOpenShift = (): void => {
    if (currentShift(store))
      throw syncError(
        'CONFLICT',
        'Close the open shift first: its sales and its close must reach the head office before this till leaves it',
        'unenrolShiftOpen'
      )
  }
  refuseOpenShift()
  requireNothingUnsynced(store)
  store.transaction(() => {
    refuseOpenShift()
    requireNothingUnsynced(store)
    store.sync.unenrol()
    store.preferences.set(TERMINAL_KEY, state.previousTerminal ?? 'T01')
    store.audit.append({
      id: newId(),
      at: clock.now().toISOString(),
      actorUserId: actor.userId,
      approverUserId: actor.approverUserId ?? null,
      action: 'sync.unenrolled',
      subject: state.tillId,
      details: { hqUrl: state.hqUrl, tillCode: state.tillCode }
    })
  })
}

/**
 * The unsynced events, exactly as they would be pushed, as a JSON file a person can keep
 * (`kassa-outbox-<till code>-<instant>.json`), enrolled or not. Raises nothing.
 */
export function exportOutbox(ctx: ServiceContext): { fileName: string; json: string; count: number } {
  const { store, clock } = ctx
  const state = store.sync.state()
  const events = store.outbox.exportUnsynced()
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-')
  return {
    fileName: `kassa-outbox-${state?.tillCode ?? 'till'}-${stamp}.json`,
    json: JSON.stringify(
      {
        tillId: state?.tillId ?? null,
        tillCode: state?.tillCode ?? null,
        exportedAt: clock.now().toISOString(),
        events
      },
      null,
      2
    ),
    count: events.length
  }
}
