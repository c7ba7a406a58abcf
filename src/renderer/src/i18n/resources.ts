import { accountsMessages } from './locales/accounts'
import { catalogMessages } from './locales/catalog'
import { coreEn } from './locales/core-en'
import { counterMessages } from './locales/counter'
import { coreZhCN } from './locales/core-zh-CN'
import { couponsMessages } from './locales/coupons'
import { sellMessages } from './locales/sell'
import { settlementMessages } from './locales/settlement'
import { defineMessages, type MessageBundle } from './messages'
import { paymentsMessages } from './locales/payments'
import { reconciliationMessages } from './locales/reconciliation'
import { syncMessages } from './locales/sync'
import { voidsMessages } from './locales/voids'
import { receiptSettingsMessages } from './locales/receipt-settings'
import { securityMessages } from './locales/security'

/**
 * Every feature's strings. A feature adds one file under locales/ exporting a
 * `defineMessages(...)` bundle with its own top-level keys, and one line here.
 */
const bundles: MessageBundle<object>[] = [
  defineMessages(coreEn, coreZhCN),
  sellMessages,
  couponsMessages,
  accountsMessages,
  catalogMessages,
  paymentsMessages,
  settlementMessages,
  reconciliationMessages,
  syncMessages,
  voidsMessages,
  receiptSettingsMessages,
  securityMessages,
  counterMessages
]

function merge(language: 'en' | 'zh-CN'): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const bundle of bundles) {
    for (const [key, value] of Object.entries(bundle[language])) {
      if (key in out) throw new Error(`i18n key declared by two features: ${key}`)
      out[key] = value
    }
  }
  return out
}

export const resources = {
  en: { translation: merge('en') },
  'zh-CN': { translation: merge('zh-CN') }
}
