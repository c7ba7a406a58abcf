import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { notificationText } from '../../../src/renderer/src/i18n/notification-text'
import { resources } from '../../../src/renderer/src/i18n/resources'

// Issue 10: a settlement notification raised while the till was in Chinese is read in English
// after switching (and back): it is kept as a key and params, rendered in the current language.

const dayClosed = {
  title: '2025-03-01 已日结',
  body: '净销售额 ¥41.70 · 2 笔订单 · 实收 ¥41.70 · 钱箱短款 ¥1.00',
  key: 'notifications.dayClosed',
  params: {
    date: '2025-03-01',
    netSales: '¥41.70',
    orders: 2,
    collected: '¥41.70',
    drawerKey: 'notifications.dayClosed.short',
    amount: '¥1.00'
  }
}

describe('a notification in the language of the screen', () => {
  it('renders a kept key and params in English and in Chinese; one without a key as raised', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } })
    expect(notificationText(dayClosed, i18n.t)).toEqual({
      title: '2025-03-01 settled',
      body: 'Net sales ¥41.70 · 2 orders · collected ¥41.70 · drawer short ¥1.00'
    })
    await i18n.changeLanguage('zh-CN')
    expect(notificationText(dayClosed, i18n.t)).toEqual({ title: dayClosed.title, body: dayClosed.body })
    // A provider's refusal names the provider in the screen's words.
    const refused = {
      title: 'Refund T01-R000001 was refused by wechat',
      body: 'insufficient balance',
      key: 'notifications.refundRefused',
      params: { number: 'T01-R000001', methodKey: 'payments.methods.wechat', reason: '' }
    }
    expect(notificationText(refused, i18n.t).title).toBe('退款 T01-R000001 被微信支付拒绝')
    await i18n.changeLanguage('en')
    expect(notificationText(refused, i18n.t).title).toBe('Refund T01-R000001 was refused by WeChat Pay')
    const old = { title: 'Payment T1 needs checking', body: 'as raised' }
    expect(notificationText(old, i18n.t)).toEqual(old)
  })
})
