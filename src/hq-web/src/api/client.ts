import {
  HQ_API_PREFIX,
  type HqApiError,
  type HqRoute,
  type RouteInput,
  type RouteResult
} from '@shared/hq-api/route'
import { zodRefusal } from '@shared/contract/error-reasons'

/**
 * A refusal from the head office, with the API's error (its `key` is translated on screen).
 * `issues` is every refused field when the input was checked here before sending (the first is
 * `error`); the server names only the first, so a form shows them all at once from these.
 */
export class HqCallError extends Error {
  constructor(
    readonly error: HqApiError,
    readonly status: number,
    readonly issues: readonly HqApiError[] = [error]
  ) {
    super(error.message)
  }
}

/**
 * Every problem with `input` by the route's own schema (the one the head office parses it with),
 * then `also` (checks only the caller can make here, e.g. a price's digits in the store's
 * currency), one per field, zod's first. Empty when it would pass.
 */
export function inputIssues<R extends HqRoute>(
  route: R,
  input: RouteInput<R>,
  also: readonly HqApiError[] = []
): HqApiError[] {
  const parsed = route.input.safeParse(input)
  const found: HqApiError[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue, [], input) as HqApiError)),
    ...also
  ]
  return found.filter((issue, i) => found.findIndex((other) => other.field === issue.field) === i)
}

let onSignedOut: (key: string) => Promise<boolean> = async () => false
/**
 * Called when any call answers 401, with the refusal's key: `errors.hq.auth.sessionExpired` (idle)
 * or `errors.hq.auth.signedOut` (no session: signed out in another tab, password reset,
 * deactivated). It answers whether the person signed in again (then the call is sent once more,
 * so a form's save goes through with what was typed) or gave up (then the call fails).
 */
export function whenSignedOut(listener: (key: string) => Promise<boolean>): void {
  onSignedOut = listener
}

/**
 * Calls one declared route (`hqApi.<area>.<name>`), typed from its declaration: GET sends the input
 * as the query string, POST as JSON. The session cookie goes along by itself (same origin); the
 * call header tells the server it is our page. Throws `HqCallError` with the API's error — for a
 * POST, first with every issue `inputIssues` finds (and `also`), without sending.
 */
export async function call<R extends HqRoute>(
  route: R,
  input: RouteInput<R>,
  also: readonly HqApiError[] = []
): Promise<RouteResult<R>> {
  // A form's every wrong field at once: the server would name only the first, one per submit.
  if (route.method !== 'GET') {
    const issues = inputIssues(route, input, also)
    if (issues.length > 0) throw new HqCallError(issues[0]!, 400, issues)
  }
  return send(route, input, true)
}

async function send<R extends HqRoute>(
  route: R,
  input: RouteInput<R>,
  retryAfterSignIn: boolean
): Promise<RouteResult<R>> {
  let url = HQ_API_PREFIX + route.path
  const init: RequestInit = {
    method: route.method,
    headers: { 'x-kassa-hq': '1' },
    credentials: 'same-origin'
  }
  if (route.method === 'GET') {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>))
      if (value !== undefined && value !== null) query.set(key, String(value))
    if ([...query].length > 0) url += `?${query.toString()}`
  } else {
    init.headers = { 'x-kassa-hq': '1', 'content-type': 'application/json' }
    init.body = JSON.stringify(input ?? {})
  }
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    throw new HqCallError(
      { code: 'UNAVAILABLE', message: 'the head office cannot be reached', key: 'errors.hq.offline' },
      0
    )
  }
  const body = (await response.json().catch(() => null)) as { error?: HqApiError } | null
  if (!response.ok) {
    const error = body?.error ?? {
      code: 'INTERNAL' as const,
      message: response.statusText,
      key: 'errors.hq.internal'
    }
    if (
      response.status === 401 &&
      route.roles !== 'public' &&
      (await onSignedOut(error.key)) &&
      retryAfterSignIn
    )
      return send(route, input, false)
    throw new HqCallError(error, response.status)
  }
  return body as RouteResult<R>
}
