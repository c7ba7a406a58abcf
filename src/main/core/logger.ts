import { appendFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'

export interface Logger {
  info(event: string, details?: Record<string, unknown>): void
  warn(event: string, details?: Record<string, unknown>): void
  error(event: string, details?: Record<string, unknown>): void
}

/** Keys whose values never reach a log line, whatever their nesting. */
const SECRET_KEY = /pass(word)?|pin|token|secret|card.?number|pan|cvv|private.?key|authorization|cookie/i

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]'
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(inner, depth + 1)
    }
    return out
  }
  return value
}

/**
 * Structured JSON lines in `<dataDir>/logs/kassa.log`, rotated by size
 * (kassa.log → kassa.1.log … kassa.<keep>.log).
 */
export function createFileLogger(
  dir: string,
  options: { maxBytes?: number; keep?: number; echo?: boolean } = {}
): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const keep = options.keep ?? 5
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'kassa.log')

  const rotate = (): void => {
    if (!existsSync(file) || statSync(file).size < maxBytes) return
    const oldest = join(dir, `kassa.${keep}.log`)
    if (existsSync(oldest)) unlinkSync(oldest)
    for (let i = keep - 1; i >= 1; i--) {
      const from = join(dir, `kassa.${i}.log`)
      if (existsSync(from)) renameSync(from, join(dir, `kassa.${i + 1}.log`))
    }
    renameSync(file, join(dir, 'kassa.1.log'))
  }

  const write = (level: string, event: string, details?: Record<string, unknown>): void => {
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      event,
      ...(redact(details ?? {}) as object)
    })
    try {
      rotate()
      appendFileSync(file, line + '\n')
    } catch {
      // Logging must never take the till down.
    }
    if (options.echo && level !== 'info') process.stderr.write(line + '\n')
  }

  return {
    info: (event, details) => write('info', event, details),
    warn: (event, details) => write('warn', event, details),
    error: (event, details) => write('error', event, details)
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
