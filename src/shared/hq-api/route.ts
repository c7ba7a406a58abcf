import type { z } from 'zod'

/** The head office's people: owner (everything), manager (the stores assigned), auditor (reads only). */
export const HQ_ROLES = ['owner', 'manager', 'auditor'] as const
export type HqRole = (typeof HQ_ROLES)[number]

/**
 * One route of the head office's web API, declared once (`/api/v1` + `path`) and used by both the
 * server's router (registration, validation, role check) and the hq-web's typed client.
 * - `GET` routes read their input from the query string (every value a string); others from a
 *   JSON body.
 * - `roles: 'public'` needs no session (login, first-run set-up); otherwise the session's role must
 *   be listed, else 403 FORBIDDEN (checked before the input is even read).
 * - `storeField`: the input field holding a store id; a manager may only name their own stores
 *   (403 FORBIDDEN on that field). Lists a manager may see are filtered by the handler
 *   (`ctx.user.storeIds`).
 */
export interface HqRoute<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  Roles extends 'public' | readonly HqRole[] = 'public' | readonly HqRole[]
> {
  method: 'GET' | 'POST'
  path: `/${string}`
  input: I
  output: O
  roles: Roles
  storeField?: string
  /** Bytes a request body may hold, where a route takes more than the server's 1 MiB (a file upload). */
  bodyLimit?: number
}

/** Declares a route; the identity, but it keeps the zod types for the client and the handler map. */
export function route<
  I extends z.ZodType,
  O extends z.ZodType,
  const Roles extends 'public' | readonly HqRole[]
>(spec: HqRoute<I, O, Roles>): HqRoute<I, O, Roles> {
  return spec
}

export type RouteInput<R> = R extends HqRoute<infer I, infer _O, infer _R> ? z.input<I> : never
export type RouteParsed<R> = R extends HqRoute<infer I, infer _O, infer _R> ? z.output<I> : never
export type RouteOutput<R> = R extends HqRoute<infer _I, infer O, infer _R> ? z.input<O> : never
/** What the client receives (after the server's JSON): the output schema's parsed type. */
export type RouteResult<R> = R extends HqRoute<infer _I, infer O, infer _R> ? z.output<O> : never

/** Everyone signed in; everyone who may change things; the owner alone. */
export const ANY_ROLE = ['owner', 'manager', 'auditor'] as const satisfies readonly HqRole[]
export const WRITERS = ['owner', 'manager'] as const satisfies readonly HqRole[]
export const OWNER = ['owner'] as const satisfies readonly HqRole[]

export const HQ_API_PREFIX = '/api/v1'

/** The error every refusal of the web API carries: the till's `ApiError` shape, keys `errors.hq.<area>.<name>`. */
export interface HqApiError {
  code: HqErrorCode
  message: string
  field?: string
  key: string
  params?: Record<string, string | number>
}

export const HQ_ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500
} as const
export type HqErrorCode = keyof typeof HQ_ERROR_STATUS
