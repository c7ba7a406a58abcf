import {
  HQ_API_PREFIX,
  type HqApiError,
  type HqRoute,
  type RouteInput,
  type RouteResult
} from '@shared/hq-api/route'

/** A refusal from the head office, with the API's error (its `key` is translated on screen). */
export class HqCallError extends Error {
  constructor(
    readonly error: HqApiError,
    readonly status: number
  ) {
    super(error.message)
  }
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
 * call header tells the server it is our page. Throws `HqCallError` with the API's error.
 */
export async function call<R extends HqRoute>(route: R, input: RouteInput<R>): Promise<RouteResult<R>> {
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
