import type { ChildProcess } from 'node:child_process'

/**
 * The URL web mode announces once it listens (`Kassa is running at http://127.0.0.1:PORT/`, on
 * stdout or stderr). Rejects with everything the process printed when it exits first or stays
 * silent for `timeoutMs`.
 */
export function webModeUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolveUrl, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`web mode exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
}
