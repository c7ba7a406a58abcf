import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hqResources } from '../../../src/hq-web/src/i18n/resources'

/**
 * The head office's twin of error-keys.test.ts: every `errors.hq.*` key the server, its CLI, the
 * shared hq-api or the hq-web can raise has zh-CN and en text in the hq-web's locales (which hold
 * the till's too, so a shared `errors.validation.*` key is checked the same way), naming the
 * same parameters. Keys are collected from the source, so a new refusal anywhere is covered.
 */
const ROOT = resolve(__dirname, '..', '..', '..')
const SOURCES = ['src/server', 'src/shared/hq-api', 'src/hq-web/src'].map((dir) => join(ROOT, dir))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path.includes('i18n') ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const files = SOURCES.flatMap(sourceFiles).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8')
}))

function raisedKeys(): Map<string, string> {
  const keys = new Map<string, string>()
  for (const { path, text } of files)
    for (const match of text.matchAll(/['"`](errors\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)['"`]/g))
      keys.set(match[1]!, path)
  return keys
}

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
const paramsOf = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()

describe('head-office error keys', () => {
  const keys = raisedKeys()

  it('finds the keys the head office raises (the walk itself works)', () => {
    expect(keys.get('errors.hq.auth.locked')).toBe('src/server/admin/auth/login.ts')
    expect(keys.has('errors.hq.stores.nameTaken')).toBe(true)
    expect(keys.size).toBeGreaterThan(15)
  })

  it('has zh-CN and en text for every key, naming the same parameters', () => {
    const problems: string[] = []
    for (const [key, where] of keys) {
      const en = lookup(hqResources.en.translation, key)
      const zh = lookup(hqResources['zh-CN'].translation, key)
      if (typeof en !== 'string') problems.push(`${key} (raised in ${where}): no en text`)
      if (typeof zh !== 'string') problems.push(`${key} (raised in ${where}): no zh-CN text`)
      if (typeof en === 'string' && typeof zh === 'string' && paramsOf(en).join() !== paramsOf(zh).join())
        problems.push(
          `${key}: en names {{${paramsOf(en).join('}}, {{')}}}, zh-CN {{${paramsOf(zh).join('}}, {{')}}}`
        )
    }
    expect(problems).toEqual([])
  })

  it('builds no errors.hq key at run time that the walk cannot see', () => {
    const unseen = files.flatMap(({ path, text }) =>
      [...text.matchAll(/`errors\.hq\.[^`]*\$\{[^`]*`/g)].map((m) => `${path}: ${m[0]}`)
    )
    expect(unseen).toEqual([])
  })
})
