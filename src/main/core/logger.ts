import { appendFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'

export interface Logger {
  info(event: string, details?: Record<string, unknown>): void
  warn(event: string, details?: Record<string, unknown>): void
  error(event: string, details?: Record<string, unknown>): void
}

/** Keys whose values never reach a log line, whatever their nesting. */
const SECRET_KEY = /pass(word)?|pin|token|secret|card.?number|pan|cvv|private.?key|authorization|cookie/i

/** A card number: 13–19 digits, optionally grouped by spaces or dashes, that pass Luhn's check. */
const PAN = /\b\d(?:[ -]?\d){12,18}\b/g
/** A bearer token in a URL or header (`session=…`, `Bearer …`). */
const BEARER = /(session=|bearer\s+|x-kassa-session[:=]\s*)[A-Za-z0-9._~+/=-]{16,}/gi

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

/**
 * Masks what looks like a secret inside free text (an error message, a URL): card numbers
 * (kept as `****1231`) and bearer tokens. Keys are redacted by name; this catches the values
 * that arrive under innocent names, such as a card number typed into a search.
 *
 * @example redactText('no product 6225880000001231') // 'no product ****1231'
 */
export function redactText(text: string): string {
  return text
    .replace(PAN, (run) => {
      const digits = run.replace(/[ -]/g, '')
      return luhn(digits) ? `****${digits.slice(-4)}` : run
    })
    .replace(BEARER, (_match, prefix: string) => `${prefix}[redacted]`)
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error)
    return {
      name: value.name,
      message: redactText(value.message),
      ...(value.stack ? { stack: redactText(value.stack) } : {})
    }
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
