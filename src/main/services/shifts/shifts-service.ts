import type { ShiftView } from '@shared/contract/channels/shifts'
import { roleCan } from '@shared/contract/roles'
import { countedCash } from '@shared/money/denominations'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { FieldError } from '@shared/money/field-error'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { cashInEntry, cashOutEntry, overShortEntry } from '../../domain/ledger/cash-entries'
import { assertCashMoveUsual, assertFloatUsual } from '../../domain/money/unusual-amount'
import type { JournalEntry } from '../../domain/ledger/journal-entry'
import { expectedCash, overShort } from '../../domain/shifts/expected-cash'
import type { CashMoveKind, ShiftRow } from '../../store/repos/shifts-repo'
import { recordChange, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import type { Actor } from '../service-context'
import { currentShift, requireOpenShift, tillTerminal } from './shift-guard'

export interface CashCount {
  counts: Record<string, number>
  other?: string | undefined
}

/**
 * Shifts: a till sells only while one is open. Opening books the counted float into the
 * drawer; cash in/out is booked against the owner; closing counts the drawer by
 * denomination, books the difference from the expected cash as over/short (never forcing it
 * to match) and takes the counted cash out of the till, so the next shift starts from its
 * own float. Each action is one transaction with its journal entries, audit and outbox.
 *
 * Expected cash = float + cash received − change given (the shift's cash payments, whose
 * amount is exactly that, cash rounding included) − cash handed back for voids and cash
 * refund tenders made on this till while the shift was open + cash in − cash out.
 */
export function createShiftsService(ctx: ServiceContext, deps: { settings: SettingsService }) {
  const { store, clock } = ctx
  const terminal = (): string => tillTerminal(store)
  const nameOf = (userId: string | null): string | null =>
    userId ? (store.users.get(userId)?.displayName ?? null) : null
  const money = (minor: number, currency: string) =>
    formatMinor(minor, currency, deps.settings.getProfile().locale)

  /**
   * A count in which no box was filled (no note or coin counted, no loose cash) was not given: the
   * count screen refuses it, and main must too, or the whole drawer is booked short. `0` in any box
   * is a count of zero, and taken.
   */
  const requireGiven = (input: CashCount): void => {
    if (Object.keys(input.counts).length > 0) return
    if (input.other !== undefined && input.other.trim() !== '') return
    throw invalid('counts', 'no count was given: enter what each box holds (0 for none)', {
      key: 'errors.shift.countMissing'
    })
  }

  const count = (currency: string, input: CashCount): { total: number; other: number } => {
    const other =
      input.other === undefined || input.other === ''
        ? 0
        : parseDecimalToMinor(input.other, currency, 'other')
    try {
      return { total: countedCash(currency, input.counts, other), other }
    } catch (error) {
      if (error instanceof FieldError) throw error
      throw invalid('counts', error instanceof Error ? error.message : String(error), {
        key: 'errors.validation.invalid'
      })
    }
  }

  const post = (
    shift: ShiftRow,
    kind: CashMoveKind,
    amount: number,
    entry: JournalEntry | null,
    at: string,
    actor: Actor,
    reason: string | null = null
  ): void => {
    const entryId = entry ? newId() : null
    if (entry) store.journal.post(entry, { id: entryId!, at, userId: actor.userId })
    store.shifts.insertMove({
      id: newId(),
      shift_id: shift.id,
      kind,
      amount,
      reason,
      at,
      user_id: actor.userId,
      approver_user_id: actor.approverUserId ?? null,
      journal_entry_id: entryId
    })
  }

  const drawerOf = (shift: ShiftRow) => {
    const figures = store.shifts.drawer(shift, shift.closed_at ?? clock.now().toISOString())
    return { ...figures, expected: shift.expected_cash ?? expectedCash(figures) }
  }

  /**
   * Whether `viewer` counts blind: the store's closing count is blind and their role does not
   * supervise the drawer (`shift-close`). Such a viewer gets no drawer figures for open shifts.
   */
  const blindFor = (viewer: { userId: string | null }): boolean => {
    if (!store.lossPrevention.get().blindClose) return false
    const role = viewer.userId ? store.users.get(viewer.userId)?.role : undefined
    return !(role && roleCan(role, 'shift-close'))
  }

  const view = (shift: ShiftRow, blind = false): ShiftView => {
    const counted = shift.count_json
      ? (JSON.parse(shift.count_json) as { counts: Record<string, number>; other: number })
      : null
    return {
      id: shift.id,
      number: shift.number,
      terminal: shift.terminal,
      kind: shift.kind,
      rescueOf: shift.rescue_of,
      status: shift.status,
      currency: shift.currency,
      openedAt: shift.opened_at,
      openedBy: nameOf(shift.opened_by),
      closedAt: shift.closed_at,
      closedBy: nameOf(shift.closed_by),
      orderCount: store.shifts.orderCount(shift.id),
      drawer: blind && shift.status === 'open' ? null : drawerOf(shift),
      counted: shift.counted_cash,
      overShort: shift.over_short,
      count: counted,
      note: shift.note,
      moves: store.shifts.moves(shift.id).map((move) => ({
        id: move.id,
        kind: move.kind,
        amount: move.amount,
        reason: move.reason,
        at: move.at,
        by: nameOf(move.user_id)
      }))
    }
  }

  const insertShift = (
    kind: ShiftRow['kind'],
    till: string,
    float: number,
    rescueOf: string | null,
    at: string,
    actor: Actor
  ): ShiftRow => {
    const id = newId()
    const number = `${till}-S${String(store.counters.next(`shift:${till}`)).padStart(5, '0')}`
    store.shifts.insert({
      id,
      number,
      terminal: till,
      kind,
      rescue_of: rescueOf,
      currency: deps.settings.getProfile().currency,
      opening_float: float,
      opened_at: at,
      opened_by: actor.userId
    })
    return store.shifts.get(id)!
  }

  /** Tells every renderer the shift changed, after its transaction committed. */
  const announce = (shift: ShiftView): ShiftView => {
    ctx.events.emit('shift:changed', { terminal: shift.terminal, shiftId: shift.id, status: shift.status })
    return shift
  }

  return {
    /** The till's open shift, or undefined (for services that move cash through the drawer). */
    currentShift: (till: string = terminal()) => currentShift(store, till),
    /**
     * The till's open shift.
     * @throws DomainError CONFLICT `shift` `errors.shift.notOpen` { terminal }
     */
    requireOpen: (till: string = terminal()) => requireOpenShift(store, till),

    /** The till's open shift and rescue shift, as `viewer` may see them (see `blindFor`). */
    current(viewer: { userId: string | null }) {
      const blind = blindFor(viewer)
      const till = terminal()
      const shift = store.shifts.openShift(till, 'regular')
      const rescue = store.shifts.openShift(till, 'rescue')
      return {
        terminal: till,
        currency: deps.settings.getProfile().currency,
        shift: shift ? view(shift, blind) : null,
        rescue: rescue ? view(rescue, blind) : null
      }
    },

    /**
     * One shift with its drawer figures (minor units); a cashier is not shown the expected cash of an open blind shift.
     * @throws DomainError NOT_FOUND `shiftId` (`errors.notFound.shift`)
     */
    get(shiftId: string): ShiftView {
      const shift = store.shifts.get(shiftId)
      if (!shift) throw notFound('Shift', 'shiftId', 'shift')
      return view(shift)
    },

    /**
     * The till's latest `limit` shifts, newest first, figures hidden from `viewer` as in `get`.
     */
    list(limit: number, viewer: { userId: string | null }): ShiftView[] {
      const blind = blindFor(viewer)
      return store.shifts.recent(terminal(), limit).map((shift) => view(shift, blind))
    },

    /**
     * Opens the till's shift with a counted float (counts per denomination, `shared/money/denominations.ts`; nothing counted is no float), booked `cash_drawer` ← `owner_cash`, one transaction with its audit entry and event.
     * @throws DomainError CONFLICT `shift` (`errors.shift.alreadyOpen`); VALIDATION on a count; VALIDATION `counts` (`errors.money.largeFloat`) above `FLOAT_CONFIRM_ABOVE` unless `confirmLargeFloat`
     */
    open(input: CashCount & { confirmLargeFloat?: boolean | undefined }, actor: Actor): ShiftView {
      return announce(
        store.transaction(() => {
          const till = terminal()
          const already = store.shifts.openShift(till, 'regular')
          if (already)
            throw new DomainError(
              'CONFLICT',
              `Shift ${already.number} is already open on this till`,
              'shift',
              {
                key: 'errors.shift.alreadyOpen',
                params: { shift: already.number }
              }
            )
          const currency = deps.settings.getProfile().currency
          const float = count(currency, input).total
          assertFloatUsual(
            float,
            currency,
            input.confirmLargeFloat === true,
            deps.settings.getProfile().locale
          )
          const at = clock.now().toISOString()
          const shift = insertShift('regular', till, float, null, at, actor)
          post(shift, 'float', float, float > 0 ? cashInEntry('cash_float', float) : null, at, actor)
          recordChange(ctx, {
            actorUserId: actor.userId,
            action: 'shift.opened',
            subject: shift.id,
            details: { number: shift.number, terminal: till, float, counts: input.counts },
            event: {
              type: 'shift.opened',
              aggregateId: shift.id,
              payload: { id: shift.id, number: shift.number, terminal: till, float, at }
            }
          })
          return view(shift)
        })
      )
    },

    /**
     * Cash in or out of the open shift's drawer (`amount` decimal text, `reason`), booked against `owner_cash`.
     * @throws DomainError CONFLICT `shift` (`errors.shift.notOpen`); VALIDATION `amount` (`errors.validation.notPositive`, `errors.shift.moreThanDrawer`, above `CASH_MOVE_CONFIRM_ABOVE` `errors.money.largeCashMove` unless `confirmLargeAmount`)
     */
    moveCash(
      input: {
        direction: 'in' | 'out'
        amount: string
        reason: string
        confirmLargeAmount?: boolean | undefined
      },
      actor: Actor
    ): ShiftView {
      return announce(
        store.transaction(() => {
          const shift = requireOpenShift(store, terminal())
          const amount = parseDecimalToMinor(input.amount, shift.currency, 'amount')
          if (amount <= 0)
            throw invalid('amount', 'must be greater than 0', { key: 'errors.validation.notPositive' })
          if (input.direction === 'out') {
            const inDrawer = drawerOf(shift).expected
            if (amount > inDrawer)
              throw invalid(
                'amount',
                `is more than the ${money(inDrawer, shift.currency)} the drawer should hold`,
                { key: 'errors.shift.moreThanDrawer', params: { amount: money(inDrawer, shift.currency) } }
              )
          }
          assertCashMoveUsual(
            amount,
            shift.currency,
            input.confirmLargeAmount === true,
            deps.settings.getProfile().locale
          )
          const at = clock.now().toISOString()
          const entry =
            input.direction === 'in' ? cashInEntry('cash_in', amount) : cashOutEntry('cash_out', amount)
          post(
            shift,
            input.direction,
            input.direction === 'in' ? amount : -amount,
            entry,
            at,
            actor,
            input.reason
          )
          recordChange(ctx, {
            actorUserId: actor.userId,
            approverUserId: actor.approverUserId ?? null,
            action: `shift.cash_${input.direction}`,
            subject: shift.id,
            details: { number: shift.number, amount, reason: input.reason },
            event: {
              type: `shift.cash_${input.direction}`,
              aggregateId: shift.id,
              payload: { shiftId: shift.id, amount, reason: input.reason, at }
            }
          })
          return view(store.shifts.get(shift.id)!)
        })
      )
    },

    /**
     * Closes a shift with its count: over/short (counted − expected, minor units) booked to `cash_over_short` and the counted cash taken out (`cash_drop`), so the drawer nets to zero. README "Closing".
     * @throws DomainError NOT_FOUND `shiftId` (`errors.notFound.shift`); CONFLICT `shiftId` (`errors.shift.alreadyClosed`); VALIDATION `counts` (`errors.shift.countMissing`: no box filled), on a count
     */
    close(input: CashCount & { shiftId: string; note?: string | undefined }, actor: Actor): ShiftView {
      return announce(
        store.transaction(() => {
          const shift = store.shifts.get(input.shiftId)
          if (!shift) throw notFound('Shift', 'shiftId', 'shift')
          if (shift.status === 'closed') {
            throw new DomainError(
              'CONFLICT',
              `Shift ${shift.number} is already closed; a closed shift is never reopened`,
              'shiftId',
              { key: 'errors.shift.alreadyClosed', params: { shift: shift.number } }
            )
          }
          requireGiven(input)
          const counted = count(shift.currency, input)
          const at = clock.now().toISOString()
          const expected = expectedCash(store.shifts.drawer(shift, at))
          const difference = overShort(counted.total, expected)
          if (difference !== 0)
            post(shift, 'over_short', difference, overShortEntry(difference), at, actor, input.note ?? null)
          // The counted cash leaves the till with the count; the next shift brings its own float.
          if (counted.total > 0)
            post(shift, 'drop', -counted.total, cashOutEntry('cash_drop', counted.total), at, actor)
          store.shifts.close({
            id: shift.id,
            closed_at: at,
            closed_by: actor.approverUserId ?? actor.userId,
            expected_cash: expected,
            counted_cash: counted.total,
            over_short: difference,
            count_json: JSON.stringify({ counts: input.counts, other: counted.other }),
            note: input.note ?? null
          })
          recordChange(ctx, {
            actorUserId: actor.userId,
            approverUserId: actor.approverUserId ?? null,
            action: 'shift.closed',
            subject: shift.id,
            details: {
              number: shift.number,
              expected,
              counted: counted.total,
              overShort: difference,
              counts: input.counts
            },
            event: {
              type: 'shift.closed',
              aggregateId: shift.id,
              payload: {
                id: shift.id,
                number: shift.number,
                expected,
                counted: counted.total,
                overShort: difference,
                at
              }
            }
          })
          return view(store.shifts.get(shift.id)!)
        })
      )
    },

    /**
     * Puts an order that arrives late (synced from another till, or a payment that completed
     * after its shift was counted) into a shift: the one it claims while that is still open,
     * else the till's rescue shift, opened on demand with no float. A closed shift is never
     * reopened. Call inside the transaction that records the order. Raises nothing.
     */
    attachLate(orderId: string, claimedShiftId: string | null, actor: Actor): ShiftRow {
      return store.transaction(() => {
        const claimed = claimedShiftId ? store.shifts.get(claimedShiftId) : undefined
        if (claimed?.status === 'open') {
          store.shifts.stamp(orderId, claimed.id)
          return claimed
        }
        const till = claimed?.terminal ?? store.orders.get(orderId)?.terminal ?? terminal()
        if (!claimed) {
          const open = store.shifts.openShift(till, 'regular')
          if (open) {
            store.shifts.stamp(orderId, open.id)
            return open
          }
        }
        const at = clock.now().toISOString()
        let rescue = store.shifts.openShift(till, 'rescue')
        if (!rescue) {
          rescue = insertShift('rescue', till, 0, claimed?.id ?? null, at, actor)
          post(rescue, 'float', 0, null, at, actor, 'rescue')
          recordChange(ctx, {
            actorUserId: actor.userId,
            action: 'shift.rescue_opened',
            subject: rescue.id,
            details: { number: rescue.number, terminal: till, rescueOf: claimed?.id ?? null, orderId },
            event: {
              type: 'shift.opened',
              aggregateId: rescue.id,
              payload: { id: rescue.id, number: rescue.number, terminal: till, float: 0, at, kind: 'rescue' }
            }
          })
        }
        store.shifts.stamp(orderId, rescue.id)
        return rescue
      })
    }
  }
}

export type ShiftsService = ReturnType<typeof createShiftsService>
