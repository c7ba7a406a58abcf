import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { reasonKey } from '../../../src/shared/contract/error-reasons'
import { hqResources } from '../../../src/hq-web/src/i18n/resources'

/**
 * Every reason a schema behind the head office's API refuses with (the hq-api and what it imports), as the hq-web shows it in
 * zh-CN: no English inside. A reason text is mapped back to its key by its wording
 * (`reasonKey`); one that only fits a general template (`must be {{options}}`) used to come out
 * as "必须是 a real date such as 2026-12-31 之一". Reasons are collected from the source, so a new
 * one is covered. Codes and examples (`CNY`, `2026-12-31`, `"half-up"`) are not words.
 */
const ROOT = resolve(__dirname, '..', '..', '..')
const HQ_API = join(ROOT, 'src/shared/hq-api')

/** The hq-api's files and every shared file they import, transitively (relative imports only). */
function reachable(): string[] {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const match of readFileSync(path, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const base = resolve(dirname(path), match[1]!)
      const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate))
      if (file) visit(file)
    }
  }
  for (const name of readdirSync(HQ_API)) if (name.endsWith('.ts')) visit(join(HQ_API, name))
  return [...seen]
}

/** Plain single-quoted literals that read as a refusal's reason (`'must be …'`, `'is required'`). */
function reasons(): Map<string, string> {
  const found = new Map<string, string>()
  for (const path of reachable()) {
    const text = readFileSync(path, 'utf8')
    for (const match of text.matchAll(/'((?:must|is|use|give|choose|has|cannot|may) [^'\n]*)'/g))
      found.set(match[1]!, relative(ROOT, path))
  }
  return found
}

/** English words left in a translated text: runs of 3+ Latin letters outside quotes and codes. */
function englishWords(text: string): string[] {
  const bare = text
    .replace(/\b(piece|kg|true|false|yes|no|base64)\b/g, ' ')
    .replace(
      /"[^"]*"|“[^”]*”|\b[A-Z0-9]{2,}\b|\d{4}-\d{2}-\d{2}|\b[A-Z][a-z]+\/[A-Za-z_]+\b|\{\{\w+\}\}/g,
      ' '
    )
  return bare.match(/[A-Za-z]{3,}/g) ?? []
}

describe('head-office refusals in zh-CN', () => {
  const zh = i18next.createInstance()
  void zh.init({
    resources: hqResources,
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initImmediate: false
  })
  const found = reasons()

  it('finds the reasons the schemas give (the walk itself works)', () => {
    expect(found.has('must be a real date such as 2026-12-31')).toBe(true)
    expect(found.size).toBeGreaterThan(20)
  })

  it('says each one in Chinese, with no English word left in it', () => {
    const problems: string[] = []
    for (const [reason, where] of found) {
      const { key, params } = reasonKey(reason)
      const text = zh.t(key, params ?? {})
      const words = englishWords(text)
      if (text === key || words.length > 0) problems.push(`${where}: '${reason}' → ${key} → ${text}`)
    }
    expect(problems).toEqual([])
  })
})
