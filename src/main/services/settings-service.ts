import type { Preferences, StoreProfile } from '@shared/contract'
import type { ReceiptSettings } from '@shared/contract/channels/receipt-settings'
import { DomainError } from '../domain/errors'
import { recordChange, type ServiceContext } from './service-context'

/** Used until the owner saves their own profile on first run. */
export const DEMO_STORE_PROFILE: StoreProfile = {
  storeName: 'Kassa 示范店',
  currency: 'CNY',
  locale: 'zh-CN',
  rounding: 'half-up',
  taxMode: 'inclusive',
  cashIncrement: null
}

const LANGUAGE_KEY = 'ui.language'

export function createSettingsService(ctx: ServiceContext) {
  const { store } = ctx

  return {
    getProfile(): StoreProfile {
      return store.settings.getProfile() ?? DEMO_STORE_PROFILE
    },

    /** Seeds the demo profile on a brand-new file so the till works at once. */
    ensureProfile(): void {
      store.transaction(() => {
        if (store.settings.getProfile()) return
        store.settings.saveProfile(DEMO_STORE_PROFILE, ctx.clock.now().toISOString())
      })
    },

    updateProfile(
      profile: StoreProfile,
      actorUserId: string | null,
      approverUserId: string | null = null
    ): StoreProfile {
      const saved = store.transaction(() => {
        const before = store.settings.getProfile()
        // Every stored amount is minor units of the store currency: once sales exist, changing it
        // would silently re-read them in another money.
        if (before && before.currency !== profile.currency && store.orders.hasSales()) {
          throw new DomainError(
            'CONFLICT',
            `The currency cannot change once sales have been made in ${before.currency}`,
            'currency'
          )
        }
        store.settings.saveProfile(profile, ctx.clock.now().toISOString())
        recordChange(ctx, {
          actorUserId,
          approverUserId,
          action: 'settings.updated',
          subject: 'store_profile',
          details: { before, after: profile },
          event: { type: 'settings.updated', aggregateId: 'store_profile', payload: profile }
        })
        return profile
      })
      ctx.events.emit('settings:changed', saved)
      return saved
    },

    /** The receipt's address, phone, tax ID and paper (`80mm` | `58mm` | `A4`). */
    getReceipt(): ReceiptSettings {
      return store.receiptSettings.get()
    },

    /** Saves the receipt settings with their audit entry and outbox event, in one transaction. */
    updateReceipt(settings: ReceiptSettings, actorUserId: string | null): ReceiptSettings {
      return store.transaction(() => {
        const before = store.receiptSettings.get()
        store.receiptSettings.save(settings, ctx.clock.now().toISOString())
        recordChange(ctx, {
          actorUserId,
          action: 'settings.receipt_updated',
          subject: 'receipt_settings',
          details: { before, after: settings },
          event: { type: 'settings.receipt_updated', aggregateId: 'receipt_settings', payload: settings }
        })
        return settings
      })
    },

    getPreferences(): Preferences {
      const language = store.preferences.get(LANGUAGE_KEY)
      return { language: language === 'en' ? 'en' : 'zh-CN' }
    },

    updatePreferences(preferences: Preferences): Preferences {
      store.transaction(() => store.preferences.set(LANGUAGE_KEY, preferences.language))
      return preferences
    }
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
