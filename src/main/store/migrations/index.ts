import type { Migration } from './types'
import { migration0010Initial } from './0010-initial'
import { migration0020Accounts } from './0020-accounts'
import { migration0030Catalog } from './0030-catalog'
import { migration0040Orders } from './0040-orders'
import { migration0050Refunds } from './0050-refunds'
import { migration0060Shifts } from './0060-shifts'
import { migration0070Tenders } from './0070-tenders'
import { migration0075RefundTenderTax } from './0075-refund-tender-tax'
import { migration0080Reconciliation } from './0080-reconciliation'
import { migration0100ReceiptSettings } from './0100-receipt-settings'
import { migration0110LineWeightPending } from './0110-line-weight-pending'
import { migration0120CashRoundingMode } from './0120-cash-rounding-mode'
import { migration0121BarcodeLookupKey } from './0121-barcode-lookup-key'
import { migration0122ScaleLabels } from './0122-scale-labels'
import { migration0123StoreTimeZone } from './0123-store-time-zone'
import { migration0130LossPrevention } from './0130-loss-prevention'
import { migration0150Sync } from './0150-sync'
import { migration0160NotificationKeys } from './0160-notification-keys'
import { migration0170DropJournalAccountIndex } from './0170-drop-journal-account-index'
import { migration0180OutboxHighWaterMark } from './0180-outbox-high-water-mark'

/** Every schema step, in order. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  migration0010Initial,
  migration0020Accounts,
  migration0030Catalog,
  migration0040Orders,
  migration0050Refunds,
  migration0060Shifts,
  migration0070Tenders,
  migration0075RefundTenderTax,
  migration0080Reconciliation,
  migration0100ReceiptSettings,
  migration0110LineWeightPending,
  migration0120CashRoundingMode,
  migration0121BarcodeLookupKey,
  migration0122ScaleLabels,
  migration0123StoreTimeZone,
  migration0130LossPrevention,
  migration0150Sync,
  migration0160NotificationKeys,
  migration0170DropJournalAccountIndex,
  migration0180OutboxHighWaterMark
]

export const latestSchemaVersion = migrations[migrations.length - 1]!.version
