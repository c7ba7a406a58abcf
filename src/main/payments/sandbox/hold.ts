import type { ServerResponse } from 'node:http'
import type { SandboxCall } from './scenarios'
import type { TradeBook } from './trade-book'

/** How long a "timed out" request is held before its socket is dropped; clients give up long before. */
const HANG_MS = 30_000

/** Requests the sandbox never answers (timeout faults), dropped when they expire or the gateway stops. */
export class HeldRequests {
  private readonly held = new Set<ServerResponse>()

  hold(res: ServerResponse): void {
    this.held.add(res)
    const timer = setTimeout(() => this.drop(res), HANG_MS)
    res.on('close', () => {
      clearTimeout(timer)
      this.held.delete(res)
    })
  }

  dropAll(): void {
    for (const res of this.held) this.drop(res)
  }

  private drop(res: ServerResponse): void {
    this.held.delete(res)
    res.socket?.destroy()
  }
}

/**
 * Runs one provider call under its trade's scenario: a `timeout_before_commit` swallows the request
 * unprocessed, a `timeout_after_commit` processes it and swallows the answer.
 */
export async function withFault(
  context: { book: TradeBook; held: HeldRequests },
  tradeNo: string | undefined,
  call: SandboxCall,
  res: ServerResponse,
  process: () => Promise<(res: ServerResponse) => void> | ((res: ServerResponse) => void)
): Promise<void> {
  const fault = tradeNo ? context.book.takeFault(tradeNo, call) : undefined
  if (fault === 'timeout_before_commit') {
    context.held.hold(res)
    return
  }
  const reply = await process()
  if (fault === 'timeout_after_commit') {
    context.held.hold(res)
    return
  }
  reply(res)
}
