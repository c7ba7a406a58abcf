import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The FUSE fixture: see powercut_fs.py for the model of a power cut it implements. */
const SCRIPT = join(__dirname, 'powercut_fs.py')

export interface PowerCutOptions {
  seed: number
  /** A cut also lands a random part of the unsynced blocks and name changes. */
  reorder?: boolean
  /** A cut tears one unsynced 4 KiB write. */
  tear?: boolean
}

export interface PowerCutMount {
  /** The directory the app uses (the FUSE mount). */
  mountpoint: string
  /** The "disk": what survives a cut, readable while unmounted. */
  backing: string
  /** Cuts the power now; resolves with the filesystem's summary of what it kept. */
  cut(): Promise<string>
  /** Cuts the power at the `nth` write to a path containing `substring`. */
  armCut(substring: string, nth: number): void
  /** Resolves when the filesystem has cut (on its own, when armed) with its summary. */
  readonly cutDone: Promise<string>
  /** Stops the filesystem (a strict cut if it still runs) and detaches the mount (`fusermount3 -u -z`). */
  unmount(): Promise<void>
}

interface Tools {
  python: string
  fusermount: string
}

let tools: Tools | string | undefined

/**
 * Why this machine cannot run the power-cut fixture (null when it can): /dev/fuse, a
 * `fusermount3` (or `fusermount`) and a Python 3 with fusepy (Debian: fuse3, python3-fusepy).
 */
export function powerCutUnavailable(): string | null {
  const found = findTools()
  return typeof found === 'string' ? found : null
}

function findTools(): Tools | string {
  if (tools !== undefined) return tools
  const missing: string[] = []
  if (!existsSync('/dev/fuse'))
    missing.push('/dev/fuse is missing (FUSE is not available in this kernel/container)')
  const fusermount = ['fusermount3', 'fusermount'].find((name) => onPath(name))
  if (!fusermount) missing.push('fusermount3 is not installed (apt-get install fuse3)')
  // Debian's package installs into the system Python, which a pyenv/venv python3 may not see.
  const python = ['/usr/bin/python3', 'python3'].find(
    (candidate) =>
      spawnSync(candidate, ['-c', 'import fusepy'], { stdio: 'ignore' }).status === 0 ||
      spawnSync(candidate, ['-c', 'import fuse'], { stdio: 'ignore' }).status === 0
  )
  if (!python) missing.push('no python3 with fusepy (apt-get install python3-fusepy)')
  tools = missing.length > 0 ? missing.join('; ') : { python: python!, fusermount: fusermount! }
  return tools
}

function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

/** Mounts the power-cut filesystem over `backing` at `mountpoint` (both created if missing). */
export async function mountPowerCut(
  backing: string,
  mountpoint: string,
  options: PowerCutOptions
): Promise<PowerCutMount> {
  const found = findTools()
  if (typeof found === 'string') throw new Error(`power-cut filesystem unavailable: ${found}`)
  mkdirSync(backing, { recursive: true })
  mkdirSync(mountpoint, { recursive: true })
  const args = [SCRIPT, backing, mountpoint, '--seed', String(options.seed)]
  if (options.reorder) args.push('--reorder')
  if (options.tear) args.push('--tear')
  const child: ChildProcess = spawn(found.python, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const lines = new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`powercut_fs did not mount:\n${errors}`)), 15_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('ready\n')) {
        clearTimeout(timer)
        ready()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      failed(new Error(`powercut_fs exited with ${code} before mounting:\n${errors}`))
    })
  })
  await lines
  const cutDone = new Promise<string>((done) => {
    child.once('exit', () => {
      const summary = /^cut .*$/m.exec(output)
      done(summary ? summary[0] : `killed (strict cut)${errors ? `: ${errors.trim()}` : ''}`)
    })
  })
  return {
    mountpoint,
    backing,
    cutDone,
    cut() {
      if (child.exitCode === null && child.signalCode === null) child.stdin!.write('cut\n')
      return cutDone
    },
    armCut(substring, nth) {
      child.stdin!.write(`arm ${substring} ${nth}\n`)
    },
    async unmount() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await cutDone
      if (isMounted(mountpoint)) spawnSync(found.fusermount, ['-u', '-z', mountpoint], { stdio: 'ignore' })
    }
  }
}

function isMounted(mountpoint: string): boolean {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === mountpoint)
}
