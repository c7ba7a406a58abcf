import type { MessageBundle } from '@renderer/i18n/messages'
import { anomaliesMessages } from './anomalies'
import { dashboardMessages } from './dashboard'
import { settlementMessages } from './settlement'
import { reconciliationMessages } from './reconciliation'
import { shellMessages } from './shell'
import { storesMessages } from './stores'
import { masterMessages } from './master'
import { usersMessages } from './users'

/**
 * Every hq-web area's strings: one file per area exporting a `defineMessages(en, zhCN)` bundle
 * (zh-CN type-checked to have en's keys), one line here. UI text lives under `hq.<area>`, refusal
 * texts under `errors.hq.<area>`.
 */
export const hqBundles: MessageBundle<object>[] = [
  shellMessages,
  storesMessages,
  dashboardMessages,
  settlementMessages,
  masterMessages,
  usersMessages,
  anomaliesMessages,
  reconciliationMessages
]
