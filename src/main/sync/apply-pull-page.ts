import { businessDate } from '@shared/time/zone'
import { storeProfileSchema, systemTimeZone } from '@shared/contract/channels/settings'
import type { MasterChange, PullAnswer } from '@shared/sync/protocol'
import { newId } from '../core/ids'
import type { Store } from '../store/store'

/** What applying one page did, for the status line and the tests. */
export interface AppliedPage {
  changes: number
  reset: boolean
  /** Changes the till could not take (kept out, with why), e.g. a currency change after sales. */
  skipped: Array<{ entity: string; id: string; reason: string }>
}

/**
 * Applies one page of head-office master data in ONE transaction and saves its cursor in that
 * same transaction, so a crash leaves either the whole page and its cursor, or neither (the page
 * is fetched again). A `reset` page first takes back every row the head office gave before.
 * Foreign keys are checked at commit, so a product may arrive before its category in a page.
 */
export function applyPullPage(store: Store, page: PullAnswer, at: string): AppliedPage {
  return store.transaction(() => {
    const skipped: AppliedPage['skipped'] = []
    store.masterData.deferForeignKeys()
    if (page.reset) store.masterData.dropOwned(at)
    for (const change of page.changes) {
      const problem = applyChange(store, change, at)
      if (problem) skipped.push({ entity: change.entity, id: change.id, reason: problem })
    }
    store.sync.pulled(page.cursor, page.revision, at)
    return { changes: page.changes.length, reset: page.reset, skipped }
  })
}

/** A business date (in the store's time zone) from the head office's ISO time. */
const dateOf = (store: Store, iso: string | null): string | null =>
  iso === null ? null : businessDate(new Date(iso), store.settings.getProfile()?.timeZone ?? systemTimeZone())

/** Applies one change; answers why it was kept out, or null. */
function applyChange(store: Store, change: MasterChange, at: string): string | null {
  const md = store.masterData
  if (change.op === 'delete') {
    if (md.isKept(change.entity)) md.deactivate(change.entity, change.id, at)
    else if (change.entity === 'barcode') md.deleteBarcode(change.id)
    else if (change.entity === 'coupon_allotment') md.deleteAllotment(change.id)
    md.disowned(change.entity, change.id)
    return null
  }
  switch (change.entity) {
    case 'category':
      md.putCategory({ ...change.data, at })
      break
    case 'product':
      md.putProduct({ ...change.data, at })
      break
    case 'barcode':
      md.putBarcode(change.data)
      break
    case 'coupon': {
      const c = change.data
      md.putCoupon({
        id: c.id,
        code: c.code,
        type: c.type,
        rate: c.rate,
        amount: c.amountMinor,
        minSpend: c.minSpendMinor,
        validFrom: dateOf(store, c.validFrom),
        validTo: dateOf(store, c.validTo),
        chainLimit: c.usageLimit,
        active: c.active,
        at
      })
      break
    }
    case 'coupon_allotment':
      md.putAllotment(change.data.couponId, change.data.uses, at)
      break
    case 'staff':
      md.putStaff({ ...change.data, at })
      // A till enrolled before its first-run set-up: the head office's owner completes it.
      if (change.data.role === 'owner' && change.data.active && store.users.setupCompletedAt() === null)
        store.users.completeSetup(at, change.data.id)
      break
    case 'settings': {
      const s = change.data
      store.sync.setStoreSettings(s.localEdits, s.storeName)
      const before = store.settings.getProfile()
      const profile = storeProfileSchema.safeParse({
        storeName: s.storeName,
        currency: s.currency,
        locale: s.locale,
        rounding: s.rounding,
        taxMode: s.taxMode,
        cashIncrement: s.cashIncrement,
        // The store's time zone is the head office's: the till's business days follow it.
        ...(s.timeZone !== undefined ? { timeZone: s.timeZone } : {}),
        // The head office does not send the cash rounding mode: the till keeps its own (the one its
        // `settings.updated` events told the head office), rather than falling back to half-up.
        ...(before ? { cashRoundingMode: before.cashRoundingMode } : {})
      })
      if (!profile.success) return `store settings: ${profile.error.issues[0]?.message ?? 'invalid'}`
      // Every amount on the till is in the store currency: it cannot change under past sales.
      if (before && before.currency !== profile.data.currency && store.orders.hasSales()) {
        store.settings.saveProfile({ ...profile.data, currency: before.currency }, at)
        return `the currency cannot change from ${before.currency} to ${profile.data.currency} once sales exist`
      }
      store.settings.saveProfile(profile.data, at)
      const after = store.settings.getProfile()!
      // The head office learns which zone the till's business days follow from here on (its per-till
      // day uses the zone the till used), as from any other change of the profile.
      if (before && before.timeZone !== after.timeZone)
        store.outbox.append({
          id: newId(),
          at,
          type: 'settings.updated',
          aggregateId: 'store_profile',
          payload: after
        })
      break
    }
  }
  md.owned(change.entity, change.id, change.revision)
  return null
}
