import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { hqResources } from '../../../src/hq-web/src/i18n/resources'
import { formatDateTime } from '../../../src/hq-web/src/lib/time'

/**
 * Counts in the head office's words use i18next plurals ("1 event", "2 events"), never "1 events"
 * or "event(s)"; and every date-time it shows names the zone it is in. The walk covers every
 * hq-web string, so a new count sentence without its plural forms fails here.
 */
type Tree = { [key: string]: string | Tree }
const walk = (node: Tree, path: string[] = []): Array<[string, string]> =>
  Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[[...path, key].join('.'), value] as [string, string]]
      : walk(value, [...path, key])
  )
const hqStrings = walk((hqResources.en.translation as unknown as { hq: Tree }).hq, ['hq'])
const COUNTED =
  /\{\{\w+\}\}\s+(?:\{\{\w+\}\}\s+)?(?:\w+\s+)?(events|orders|rows|times|tills|stores|uses|lines|products|coupons|users|items|refunds|days|anomalies)\b/

describe('counts in the head office’s words', () => {
  it('the walk reads the hq-web strings', () => {
    expect(hqStrings.length).toBeGreaterThan(300)
  })

  it('never writes "(s)" and gives every counted noun its _one and _other forms', () => {
    const keys = new Set(hqStrings.map(([key]) => key))
    const problems: string[] = []
    for (const [key, text] of hqStrings) {
      if (/\(s\)/.test(text)) problems.push(`${key}: "(s)" in "${text}"`)
      const plural = /_(one|other)$/.exec(key)
      if (COUNTED.test(text) && !plural)
        problems.push(`${key}: a counted noun without plural forms: "${text}"`)
      // A count followed by a word ("{{count}} events") needs its forms; "Open ({{count}})" does not.
      if (/\{\{count\}\}\s+[A-Za-z{]/.test(text) && !plural)
        problems.push(`${key}: {{count}} without plural forms: "${text}"`)
      if (plural) {
        const twin = key.replace(/_(one|other)$/, plural[1] === 'one' ? '_other' : '_one')
        if (!keys.has(twin)) problems.push(`${key}: no ${twin}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('says "1 event" and "2 events" through i18next (the dashboard once said "1 events")', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ resources: hqResources, lng: 'en', interpolation: { escapeValue: false } })
    expect(i18n.t('hq.settlement.late', { count: 1 })).toBe('1 late event posted here from an earlier day')
    expect(i18n.t('hq.settlement.late', { count: 2 })).toBe('2 late events posted here from earlier days')
    expect(i18n.t('hq.anomalies.summary.quarantined', { count: 1, type: 'order.paid', reason: 'x' })).toMatch(
      /^1 order\.paid event could/
    )
    await i18n.changeLanguage('zh-CN')
    expect(i18n.t('hq.settlement.late', { count: 1 })).toBe('1 个较早日期的迟到事件计入本日')
  })
})

describe('times at the head office', () => {
  const paid = '2026-11-20T06:05:00Z'

  it('name the store’s zone they are shown in', () => {
    expect(formatDateTime('en', paid, 'Asia/Shanghai')).toMatch(/2:05\sPM \(Asia\/Shanghai\)$/)
    expect(formatDateTime('zh-CN', paid, 'Asia/Shanghai')).toMatch(/14:05 \(Asia\/Shanghai\)$/)
    expect(formatDateTime('en', paid, 'Europe/Berlin')).toMatch(/7:05\sAM \(Europe\/Berlin\)$/)
  })

  it('name the browser’s zone when no store owns the time, and leave it off only when asked', () => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone
    expect(formatDateTime('en', paid)).toContain(`(${own})`)
    expect(formatDateTime('en', paid, 'Asia/Shanghai', { zone: false })).not.toContain('Asia/Shanghai')
  })
})
