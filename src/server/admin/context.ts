import type { HqUser } from '@shared/hq-api/auth'
import type { HqApi, HqArea } from '@shared/hq-api/index'
import type { HqRoute, RouteOutput, RouteParsed } from '@shared/hq-api/route'
import type { HashParams } from '../../main/services/secret-hash'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx } from '../db/types'
import type { Wakeups } from '../pull/wakeups'
import type { AuditEntry } from './auth/audit'

/** What every handler of the web API is given besides its parsed input. */
export interface HqContext {
  /** The signed-in user (for a `public` route: whoever is signed in, else null — see `PublicContext`). */
  user: HqUser
  db: HqDatabase
  clock: HqClock
  /** Wake a store's tills' long-polls after publishing master data for it. */
  wakeups: Wakeups
  /** scrypt cost for new passwords (tests lower it). */
  hashParams: HashParams | undefined
  /**
   * Appends an `hq_audit` row by the signed-in user inside `tx` — call it in the transaction of
   * the change it records. Details must not hold a secret (a key like `password` throws).
   */
  audit(tx: SqlTx, entry: AuditEntry): Promise<void>
  /** Whether the user may see / act on a store: owner and auditor every store, a manager theirs. */
  canSeeStore(storeId: string): boolean
  /** Sets the session cookie for a fresh session of `userId` opened in `tx` (sign-in, set-up). */
  startSession(tx: SqlTx, userId: string): Promise<void>
  /** Ends the request's session (in `tx` when given) and clears its cookie. */
  endSession(tx?: SqlTx): Promise<void>
}

/** A public route's context: nobody need be signed in. */
export type PublicContext = Omit<HqContext, 'user' | 'audit'> & {
  user: HqUser | null
  /** As `HqContext.audit`, by `userId` (null: nobody). */
  audit(tx: SqlTx, entry: AuditEntry, userId: string | null): Promise<void>
}

/** The handler of one route: its parsed input and the context, resolving to the route's output. */
export type Handler<R> =
  R extends HqRoute<infer _I, infer _O, infer Roles>
    ? Roles extends 'public'
      ? (input: RouteParsed<R>, ctx: PublicContext) => Promise<RouteOutput<R>>
      : (input: RouteParsed<R>, ctx: HqContext) => Promise<RouteOutput<R>>
    : never

/** One area's handlers: one per declared route, same names (a missing one fails the typecheck). */
export type AreaHandlers<A> = { [K in keyof A]: Handler<A[K]> }

/** Every area's handlers, keyed as `hqApi` is. */
export type HandlerMap = { [K in HqArea]: AreaHandlers<HqApi[K]> }
