import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../src/renderer/src/i18n/resources'
import { hqResources } from '../../../src/hq-web/src/i18n/resources'

// "1 orders": an English count is written with i18next's plural keys (`_one` / `_other`, or a
// nested `$t(…, {"count": …})` for a kept notification's param), never as "{{n}} orders". Every
// English string is rendered with each of its parameters set to 1, and must not say "1 <plural>".

type Tree = { [key: string]: string | Tree }

/** Every leaf key (plural suffixes folded into their base key) and the parameters it names. */
function leaves(tree: Tree, path = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const [name, value] of Object.entries(tree)) {
    const key = (path ? `${path}.${name}` : name).replace(/_(zero|one|two|few|many|other)$/, '')
    if (typeof value === 'object') leaves(value, key, out)
    else {
      const params = out.get(key) ?? new Set<string>()
      for (const [, param] of value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) params.add(param!)
      out.set(key, params)
    }
  }
  return out
}

// English words ending in "s" that are not plurals.
const NOT_PLURAL = new Set([
  ...['is', 'was', 'has', 'its', 'this', 'as', 'plus', 'us', 'yes', 'less', 'across'],
  // Verbs after a name or an amount ("{{name}} holds", "{{threshold}} needs").
  ...['holds', 'needs', 'does', 'moves', 'allows', 'comes']
])

/**
 * Counts that are never 1, each with the reason (a string here that could say "1 …s" is a bug).
 */
const NEVER_ONE: Record<string, string> = {
  'errors.validation.tooShort': 'a minimum of 1 is sent as `empty` (zod-reason.ts)',
  'errors.validation.tooFew': 'a minimum of 1 is sent as `empty` (zod-reason.ts)',
  'errors.validation.tooLong': 'no schema limits a text to 1 character (grep `.max(1)`)',
  'errors.validation.tooMany': 'no schema limits a list to 1 entry (grep `.max(1)`)',
  'errors.validation.codeFormat': '"1 to 32 letters": the plural follows the maximum, never 1',
  'errors.validation.digits': "a PIN's or code's length, never 1",
  'errors.cart.piecesTooLarge': 'LINE_QUANTITY_CAP.piece, far above 1',
  'shift.countError.amount': "a currency's minor digits (ISO 4217: 0, 2, 3 or 4), never 1",
  'catalog.showing': 'shown only when there are more products than fit, so the total is at least 2'
}

async function oneOfEach(translation: Tree): Promise<string[]> {
  const i18n = i18next.createInstance()
  await i18n.init({ resources: { en: { translation } }, lng: 'en', interpolation: { escapeValue: false } })
  const wrong: string[] = []
  for (const [key, params] of leaves(translation)) {
    if (key in NEVER_ONE) continue
    const ones = Object.fromEntries([...params, 'count'].map((p) => [p, 1]))
    const text = i18n.t(key, ones)
    for (const [said, word] of text.matchAll(/\b1 (?:more |new |late )?([A-Za-z]+s)\b/g))
      if (!NOT_PLURAL.has(word!.toLowerCase())) wrong.push(`${key}: "${said}" in "${text}"`)
  }
  return wrong
}

describe('counts in English', () => {
  it('says "1 order", never "1 orders", in every till string', async () => {
    expect(await oneOfEach(resources.en.translation as Tree)).toEqual([])
  })

  it('says "1 row", never "1 rows", in every head-office string', async () => {
    expect(await oneOfEach(hqResources.en.translation as Tree)).toEqual([])
  })

  it("plurals a kept notification's count (stored as a plain param) by nesting", async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } })
    const body = (orders: number) =>
      i18n.t('notifications.dayClosed.body', {
        netSales: '¥1.00',
        orders,
        collected: '¥1.00',
        drawer: 'drawer balanced'
      })
    expect(body(1)).toBe('Net sales ¥1.00 · 1 order · collected ¥1.00 · drawer balanced')
    expect(body(2)).toBe('Net sales ¥1.00 · 2 orders · collected ¥1.00 · drawer balanced')
    await i18n.changeLanguage('zh-CN')
    expect(body(1)).toBe('净销售额 ¥1.00 · 1 笔订单 · 实收 ¥1.00 · drawer balanced')
  })
})
