import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REASON_TABLES } from '@shared/contract'
import { VALIDATION_MESSAGES } from '@shared/validation/messages'
import { resources } from '../../../src/renderer/src/i18n/resources'

/**
 * Every refusal main can send reaches a screen as its key; this walks every key the code can raise
 * and fails on one without zh-CN or en text, or whose two texts name different parameters.
 * Keys are collected from the source (`'errors.<area>.<name>'` literals, `notFound(…, 'thing')`)
 * and from the shared reason tables, so a new refusal anywhere in main or shared is covered.
 */
const ROOT = resolve(__dirname, '..', '..', '..')
const SOURCES = ['src/main', 'src/shared'].map((dir) => join(ROOT, dir))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const files = SOURCES.flatMap(sourceFiles).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8')
}))

/** Keys built at run time, each covered by a table or a literal argument collected below. */
const DYNAMIC = [
  '`errors.accounts.${problem}`',
  '`errors.accounts.${reason}`',
  '`errors.notFound.${thing}`',
  '`errors.validation.${reason.key}`',
  '`errors.validation.${key}`',
  '`errors.validation.${ValidationMessageKey}`',
  // ApprovalDetail['reason'], each listed below
  '`errors.approval.${detail.reason}`',
  // the kinds of master data the head office owns: WHAT's keys in src/main/sync/master-data-guard.ts
  '`errors.sync.ownedByHq.${kind}`',
  // syncError(code, message, key…) in src/main/sync/sync-service.ts
  '`errors.sync.${key}`'
]

function raisedKeys(): Map<string, string> {
  const keys = new Map<string, string>()
  for (const { path, text } of files) {
    for (const match of text.matchAll(/['"](errors\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)['"]/g))
      // The head office's keys live in the hq-web's locales: test/unit/i18n/hq-error-keys.test.ts.
      if (!match[1]!.startsWith('errors.hq.')) keys.set(match[1]!, path)
    for (const match of text.matchAll(/\bnotFound\([^()]*?,\s*'([A-Za-z]+)'\)/g))
      keys.set(`errors.notFound.${match[1]}`, path)
  }
  for (const [prefix, table] of Object.entries(REASON_TABLES))
    for (const name of Object.keys(table)) keys.set(`${prefix}.${name}`, 'REASON_TABLES')
  // ApprovalRequired's reasons (`ApprovalDetail['reason']` in src/main/domain/errors.ts).
  const reasons = /reason:\s*((?:'\w+'\s*\|?\s*)+)/.exec(
    files.find((f) => f.path === 'src/main/domain/errors.ts')!.text
  )
  for (const reason of reasons?.[1]?.match(/\w+/g) ?? [])
    keys.set(`errors.approval.${reason}`, 'ApprovalDetail')
  const guard = files.find((f) => f.path === 'src/main/sync/master-data-guard.ts')?.text ?? ''
  for (const kind of /const WHAT = \{([^}]*)\}/.exec(guard)?.[1]?.match(/(\w+):/g) ?? [])
    keys.set(`errors.sync.ownedByHq.${kind.slice(0, -1)}`, 'src/main/sync/master-data-guard.ts')
  for (const { path, text } of files)
    for (const match of text.matchAll(/\bsyncError\(\s*'[A-Z_]+',\s*(?:'[^']*'|"[^"]*"|`[^`]*`),\s*'(\w+)'/g))
      keys.set(`errors.sync.${match[1]}`, path)
  for (const name of Object.keys(VALIDATION_MESSAGES))
    keys.set(`errors.validation.${name}`, 'VALIDATION_MESSAGES')
  return keys
}

function lookup(tree: unknown, key: string): unknown {
  const at = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
  // A counted message has i18next's plural forms instead (`_one`, `_other`): `_other` names them all.
  return at(key) ?? at(`${key}_other`)
}

const paramsOf = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()

describe('error keys', () => {
  const keys = raisedKeys()

  it('finds the keys main raises (the walk itself works)', () => {
    expect(keys.get('errors.shift.notOpen')).toBe('src/main/services/shifts/shift-guard.ts')
    expect(keys.has('errors.notFound.order')).toBe(true)
    expect(keys.has('errors.validation.tooLarge')).toBe(true)
    expect(keys.has('errors.approval.lineDiscount')).toBe(true)
    expect(keys.has('errors.sync.ownedByHq.coupons')).toBe(true)
    expect(keys.size).toBeGreaterThan(100)
  })

  it('has zh-CN and en text for every key, naming the same parameters', () => {
    const problems: string[] = []
    for (const [key, where] of keys) {
      const en = lookup(resources.en.translation, key)
      const zh = lookup(resources['zh-CN'].translation, key)
      if (typeof en !== 'string') problems.push(`${key} (raised in ${where}): no en text`)
      if (typeof zh !== 'string') problems.push(`${key} (raised in ${where}): no zh-CN text`)
      if (typeof en === 'string' && typeof zh === 'string' && paramsOf(en).join() !== paramsOf(zh).join())
        problems.push(
          `${key}: en names {{${paramsOf(en).join('}}, {{')}}}, zh-CN {{${paramsOf(zh).join('}}, {{')}}}`
        )
    }
    expect(problems).toEqual([])
  })

  it('builds no key at run time that the walk cannot see', () => {
    const unseen: string[] = []
    for (const { path, text } of files) {
      for (const match of text.matchAll(/`errors\.[^`]*\$\{[^`]*`/g))
        if (!DYNAMIC.includes(match[0])) unseen.push(`${path}: ${match[0]}`)
    }
    expect(unseen).toEqual([])
  })
})
