import { allRoutes } from '../../src/shared/hq-api/index'
import {
  HQ_API_PREFIX,
  type HqApiError,
  type HqRoute,
  type RouteInput,
  type RouteResult
} from '../../src/shared/hq-api/route'

export interface WebAnswer<T> {
  status: number
  body: T & { error?: HqApiError }
  setCookie: string | null
}

/**
 * A browser-like client of the head office's web API: keeps the session cookie, sends the call
 * header and our own Origin (as the hq-web page does). `headers` overrides any of them.
 */
export class HqWebClient {
  cookie: string | null = null
  constructor(readonly baseUrl: string) {}

  async send<R extends HqRoute>(
    route: R,
    input: RouteInput<R> | Record<string, unknown>,
    headers: Record<string, string> = {}
  ): Promise<WebAnswer<RouteResult<R>>> {
    let url = this.baseUrl + HQ_API_PREFIX + route.path
    const init: RequestInit = {
      method: route.method,
      headers: {
        'x-kassa-hq': '1',
        origin: this.baseUrl,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...headers
      }
    }
    if (route.method === 'GET') {
      const query = new URLSearchParams(input as Record<string, string>).toString()
      if (query) url += `?${query}`
    } else init.body = JSON.stringify(input)
    const response = await fetch(url, init)
    const setCookie = response.headers.get('set-cookie')
    const session = /kassa_hq_session=([^;]*)/.exec(setCookie ?? '')
    if (session) this.cookie = session[1] ? `kassa_hq_session=${session[1]}` : null
    return { status: response.status, body: (await response.json()) as never, setCookie }
  }

  /** Like `send`, but throws unless the answer is 200; returns the body. */
  async call<R extends HqRoute>(route: R, input: RouteInput<R>): Promise<RouteResult<R>> {
    const answer = await this.send(route, input)
    if (answer.status !== 200)
      throw new Error(`${route.method} ${route.path}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }
}

export { allRoutes }
