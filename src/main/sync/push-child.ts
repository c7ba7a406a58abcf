import { fork } from 'node:child_process'

// How main starts the sync push process and talks to it — plain Node's `child_process.fork` (web
// mode, the `kassa` command, tests and benches) or Electron's `utilityProcess.fork` (the desktop
// app: Electron's own binary cannot be forked as Node without ELECTRON_RUN_AS_NODE). Both give a
// Node process with a message channel to main; push-process.ts sees only `PushChild`.

/** The push process's script and how to run it (push-process.ts finds it). */
export interface PushScript {
  file: string
  execArgv: string[]
  env?: NodeJS.ProcessEnv
}

/** What main needs of the push process, however it was started. Messages are plain JSON values. */
export interface PushChild {
  /** Its process id once started (undefined before, and after it ended). */
  readonly pid: number | undefined
  /** Sends a message; one the channel can no longer carry is dropped (`onExit` follows). */
  send(message: unknown): void
  /** Answers the unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void
  /** Called once when the process ends, or could not start. Answers the unsubscribe. */
  onExit(listener: (code: number | null) => void): () => void
  /** Whether the child keeps main's event loop alive (plain Node; Electron's main does not exit by it). */
  hold(held: boolean): void
  /** Ends the process (SIGTERM on POSIX). */
  kill(): void
}

/** Starts the push process from `script`. */
export type StartPushChild = (script: PushScript) => PushChild

/** The push process as a Node child (`child_process.fork`), its stdout dropped: the `kassa` command's JSON goes there. */
export const forkPushChild: StartPushChild = (script) => {
  const child = fork(script.file, [], {
    execArgv: script.execArgv,
    env: script.env ?? process.env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc']
  })
  return {
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined
    },
    send(message) {
      if (child.connected) child.send(message as object, (error) => void error)
    },
    onMessage(listener) {
      child.on('message', listener)
      return () => child.off('message', listener)
    },
    onExit(listener) {
      let called = false
      const once = (code: number | null): void => {
        if (called) return
        called = true
        listener(code)
      }
      const onError = (): void => {
        // Spawning failed (no 'exit' follows), or a message could not be sent (the process went).
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) once(null)
      }
      child.on('exit', once)
      child.on('error', onError)
      return () => {
        child.off('exit', once)
        child.off('error', onError)
      }
    },
    hold(held) {
      if (held) {
        child.ref()
        child.channel?.ref()
      } else {
        child.unref()
        child.channel?.unref()
      }
    },
    kill() {
      child.kill()
    }
  }
}

/** The part of Electron's `utilityProcess` Kassa uses (passed in from electron/main.ts, so nothing else imports Electron). */
export interface UtilityProcessLike {
  fork(
    modulePath: string,
    args?: string[],
    options?: {
      execArgv?: string[]
      env?: NodeJS.ProcessEnv
      stdio?: 'ignore' | 'inherit'
      serviceName?: string
    }
  ): UtilityChildLike
}

/** The part of Electron's `UtilityProcess` Kassa uses. */
export interface UtilityChildLike {
  readonly pid: number | undefined
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  off(event: 'message', listener: (message: unknown) => void): unknown
  off(event: 'exit', listener: (code: number) => void): unknown
  kill(): boolean
}

/**
 * The push process as an Electron utility process (`utilityProcess.fork`; only after the app is
 * ready). Chromium ends it with the app. Not run in this repository's tests: they have no Electron
 * binary; the message shapes and the script are the Node path's.
 */
export function utilityPushChild(utilityProcess: UtilityProcessLike): StartPushChild {
  return (script) => {
    const child = utilityProcess.fork(script.file, [], {
      execArgv: script.execArgv,
      ...(script.env ? { env: script.env } : {}),
      stdio: 'inherit',
      serviceName: 'Kassa sync push'
    })
    let ended = false
    child.on('exit', () => (ended = true))
    return {
      get pid() {
        return ended ? undefined : child.pid
      },
      send(message) {
        if (!ended) child.postMessage(message)
      },
      onMessage(listener) {
        child.on('message', listener)
        return () => child.off('message', listener)
      },
      onExit(listener) {
        child.on('exit', listener)
        return () => child.off('exit', listener)
      },
      hold() {
        // Electron's main stays up until the app quits; nothing to hold.
      },
      kill() {
        child.kill()
      }
    }
  }
}
