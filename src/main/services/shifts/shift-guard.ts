import { DomainError } from '../../domain/errors'
import type { Store } from '../../store/store'
import type { ShiftRow } from '../../store/repos/shifts-repo'

/** The preference holding this till's code (T01); the same key the selling services read. */
export const TERMINAL_KEY = 'terminal.code'

/** This till's code, as printed in order numbers. */
export function tillTerminal(store: Store): string {
  return store.preferences.get(TERMINAL_KEY) ?? 'T01'
}

/** The till's open (regular) shift, or undefined. */
export function currentShift(store: Store, terminal: string = tillTerminal(store)): ShiftRow | undefined {
  return store.shifts.openShift(terminal, 'regular')
}

/**
 * The till's open shift; refuses with a clear error when there is none. Checkout (and any
 * other action that moves cash through the drawer) calls it inside its transaction.
 * @throws DomainError CONFLICT `shift` `errors.shift.notOpen` { terminal }
 */
export function requireOpenShift(store: Store, terminal: string = tillTerminal(store)): ShiftRow {
  const shift = currentShift(store, terminal)
  if (!shift) {
    throw new DomainError(
      'CONFLICT',
      `No shift is open on till ${terminal}: open a shift with a counted float before selling`,
      'shift',
      { key: 'errors.shift.notOpen', params: { terminal } }
    )
  }
  return shift
}
