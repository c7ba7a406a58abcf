import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../src/renderer/src/i18n/resources'
import { settleNotice } from '../../../src/renderer/src/screens/settlement/settle-notice'

// Closing today before it ends sends the rest of today's sales to tomorrow (a money event belongs
// to the first day, from its own, not settled when it happens). The confirmation once said later
// corrections "show on the day they are made" — today, which is then frozen.

async function texts(date: string, today: string): Promise<{ en: string; zh: string }> {
  const notice = settleNotice(date, today)
  const render = async (lng: string) => {
    const i18n = i18next.createInstance()
    await i18n.init({ resources, lng, interpolation: { escapeValue: false } })
    return i18n.t(notice.key, notice.params)
  }
  return { en: await render('en'), zh: await render('zh-CN') }
}

describe('the close-the-day confirmation', () => {
  it('closing today early: the rest of today counts in tomorrow, named by its date', async () => {
    expect(settleNotice('2026-11-30', '2026-11-30')).toEqual({
      key: 'settlement.settleBodyToday',
      params: { date: '2026-11-30', next: '2026-12-01' }
    })
    const { en, zh } = await texts('2026-11-30', '2026-11-30')
    expect(en).toBe(
      'The Z-report of 2026-11-30 is frozen and never changes. The day is not over: whatever is sold, refunded or voided after you close it, later today included, counts in 2026-12-01.'
    )
    expect(zh).toBe(
      '日结后 2026-11-30 的 Z 报表将被锁定，永不更改。今天尚未结束：日结之后的销售、退款和作废（包括今天稍后的）都计入 2026-12-01。'
    )
  })

  it('names the next day across a month, a year and a leap day', () => {
    expect(settleNotice('2026-12-31', '2026-12-31').params.next).toBe('2027-01-01')
    expect(settleNotice('2028-02-28', '2028-02-28').params.next).toBe('2028-02-29')
    expect(settleNotice('2027-02-28', '2027-02-28').params.next).toBe('2027-03-01')
  })

  it('closing a day that is over: later corrections count in the day they are made, not in tomorrow', async () => {
    expect(settleNotice('2026-11-29', '2026-11-30').key).toBe('settlement.settleBodyPast')
    const { en, zh } = await texts('2026-11-29', '2026-11-30')
    expect(en).toBe(
      'The Z-report of 2026-11-29 is frozen and never changes. A void or refund of its orders made later counts in the day it is made, or in the next open day if that one is closed.'
    )
    expect(en).not.toContain('2026-11-30')
    expect(zh).toBe(
      '日结后 2026-11-29 的 Z 报表将被锁定，永不更改。之后对其订单的作废或退款计入发生当天；若那天已日结，则计入下一个未日结的营业日。'
    )
  })
})
