import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { utilityPushChild, type UtilityChildLike } from '../../../src/main/sync/push-child'

// The desktop app starts the sync push process with Electron's utilityProcess (no Electron binary
// here): what it asks of utilityProcess.fork, and how the push process's messages and end reach
// push-process.ts. The Node path (child_process.fork) runs for real in test/integration/sync.

class FakeUtilityChild extends EventEmitter implements UtilityChildLike {
  pid: number | undefined = 4242
  posted: unknown[] = []
  killed = 0
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  kill(): boolean {
    this.killed++
    return true
  }
}

describe("the push process as Electron's utility process", () => {
  it('forks the script with its flags and a name, carries messages both ways, and reports its end once', () => {
    const forks: Array<{ modulePath: string; args: string[] | undefined; options: unknown }> = []
    const child = new FakeUtilityChild()
    const start = utilityPushChild({
      fork: (modulePath, args, options) => {
        forks.push({ modulePath, args, options })
        return child
      }
    })
    const pusher = start({ file: '/app/out/main/sync-push-worker.js', execArgv: [] })
    expect(forks).toEqual([
      {
        modulePath: '/app/out/main/sync-push-worker.js',
        args: [],
        options: { execArgv: [], stdio: 'inherit', serviceName: 'Kassa sync push' }
      }
    ])
    expect(pusher.pid).toBe(4242)

    pusher.send({ type: 'selling', busy: true })
    expect(child.posted).toEqual([{ type: 'selling', busy: true }])
    const heard: unknown[] = []
    const stopHearing = pusher.onMessage((message) => heard.push(message))
    child.emit('message', { type: 'mark', upTo: 7 })
    stopHearing()
    child.emit('message', { type: 'mark', upTo: 8 })
    expect(heard).toEqual([{ type: 'mark', upTo: 7 }])

    const ends: Array<number | null> = []
    pusher.onExit((code) => ends.push(code))
    pusher.kill()
    expect(child.killed).toBe(1)
    child.emit('exit', 0)
    expect(ends).toEqual([0])
    expect(pusher.pid).toBeUndefined()
    // Nothing is posted to a process that has ended.
    pusher.send({ type: 'selling', busy: false })
    expect(child.posted).toHaveLength(1)
  })
})
