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
import { inputErrorMessages } from './locales/errors-input'
import { catalogErrorMessages } from './locales/errors-catalog'
import { sellingErrorMessages } from './locales/errors-selling'
import { backOfficeErrorMessages } from './locales/errors-back-office'
import { formErrorMessages } from './locales/errors-form'
import { unusualAmountMessages } from './locales/unusual-amounts'

/**
 * Every feature's strings. A feature adds one file under locales/ exporting a
 * `defineMessages(...)` bundle, and one line here. Bundles merge section by section (two features
 * may both add to `errors`); the same string declared twice is refused.
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
  inputErrorMessages,
  catalogErrorMessages,
  sellingErrorMessages,
  backOfficeErrorMessages,
  formErrorMessages,
  counterMessages,
  unusualAmountMessages
]

type Tree = Record<string, unknown>

function mergeInto(out: Tree, add: Tree, path: string): void {
  for (const [key, value] of Object.entries(add)) {
    const at = path ? `${path}.${key}` : key
    const here = out[key]
    if (here === undefined && typeof value === 'object' && value !== null) {
      // A copy, so a later bundle adding to this section never writes into a shared table.
      const copy: Tree = {}
      mergeInto(copy, value as Tree, at)
      out[key] = copy
    } else if (here === undefined) out[key] = value
    else if (typeof here === 'object' && typeof value === 'object') mergeInto(here as Tree, value as Tree, at)
    else throw new Error(`i18n key declared by two features: ${at}`)
  }
}

function merge(language: 'en' | 'zh-CN'): Tree {
  const out: Tree = {}
  for (const bundle of bundles) mergeInto(out, bundle[language] as Tree, '')
  return out
}

export const resources = {
  en: { translation: merge('en') },
  'zh-CN': { translation: merge('zh-CN') }
}
