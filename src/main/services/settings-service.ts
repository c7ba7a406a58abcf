import type { DevicePreferences, Preferences, StoreProfile } from '@shared/contract'
import { DEFAULT_SCALE_LABELS, type ScaleLabelLayout } from '@shared/barcodes/scale-label'
import { systemTimeZone } from '@shared/contract/channels/settings'
import type { ReceiptSettings } from '@shared/contract/channels/receipt-settings'
import { DomainError } from '../domain/errors'
import { recordChange, type Actor, type ServiceContext } from './service-context'

/** Used until the owner saves their own profile on first run. */
export const DEMO_STORE_PROFILE: StoreProfile = {
  storeName: 'Kassa 示范店',
  currency: 'CNY',
  locale: 'zh-CN',
  rounding: 'half-up',
  taxMode: 'inclusive',
  cashIncrement: null,
  cashRoundingMode: 'half-up'
}

const LANGUAGE_KEY = 'ui.language'

/** A profile's IANA time zone (business days, hours, printed times); the machine's when it names none. */
export const timeZoneOf = (profile: StoreProfile): string => profile.timeZone ?? systemTimeZone()

/**
 * The store profile (currency, rounding, tax mode, time zone), the receipt settings and the
 * device preferences; every change of the first two with its audit entry and outbox event.
 */
export function createSettingsService(ctx: ServiceContext) {
  const { store } = ctx
  const getProfile = (): StoreProfile => store.settings.getProfile() ?? DEMO_STORE_PROFILE

  return {
    /** The saved profile, or the demo one before set-up saves any. Raises nothing. */
    getProfile,

    /** Seeds the demo profile on a brand-new file so the till works at once. */
    ensureProfile(): void {
      store.transaction(() => {
        if (store.settings.getProfile()) return
        store.settings.saveProfile(DEMO_STORE_PROFILE, ctx.clock.now().toISOString())
      })
    },

    /** The store's IANA time zone (business days, hours, printed times). */
    timeZone(): string {
      return timeZoneOf(getProfile())
    },

    /** The shop scale's label layouts. */
    scaleLabels(): ScaleLabelLayout[] {
      return getProfile().scaleLabels ?? DEFAULT_SCALE_LABELS
    },

    /**
     * Saves the store profile (one transaction with its audit entry and `settings.updated` event).
     * Refuses: CONFLICT `currency` once sales exist in another; CONFLICT `timeZone` (key
     * `errors.settings.timeZoneAfterSales`) for a new time zone once sales exist, unless
     * `confirmTimeZoneChange` — past sales would then fall on other business days and hours;
     * FORBIDDEN `timeZone` (key `errors.settings.timeZoneFromHq`) for another time zone on an
     * enrolled till (its store's zone is the head office's, applied by the pull).
     */
    updateProfile(
      update: StoreProfile & { confirmTimeZoneChange?: boolean | undefined },
      actor: Actor
    ): StoreProfile {
      const { userId: actorUserId, approverUserId = null } = actor
      const { confirmTimeZoneChange, ...profile } = update
      const saved = store.transaction(() => {
        const before = store.settings.getProfile()
        const enrolment = store.sync.state()
        // An enrolled till keeps its store's time zone, the head office's master data (see the pull).
        if (enrolment && before && profile.timeZone !== undefined && profile.timeZone !== before.timeZone) {
          throw new DomainError(
            'FORBIDDEN',
            `timeZone: set by the head office for ${enrolment.storeName}; change it there`,
            'timeZone',
            { key: 'errors.settings.timeZoneFromHq', params: { store: enrolment.storeName } }
          )
        }
        if (
          before &&
          profile.timeZone !== undefined &&
          profile.timeZone !== before.timeZone &&
          !confirmTimeZoneChange &&
          store.orders.hasSales()
        ) {
          throw new DomainError(
            'CONFLICT',
            `timeZone: sales were made in ${before.timeZone ?? ''}; moving to ${profile.timeZone} moves them to other days and hours (confirm to change it anyway)`,
            'timeZone',
            {
              key: 'errors.settings.timeZoneAfterSales',
              params: { from: before.timeZone ?? '', to: profile.timeZone }
            }
          )
        }
        // Every stored amount is minor units of the store currency: once sales exist, changing it
        // would silently re-read them in another money.
        if (before && before.currency !== profile.currency && store.orders.hasSales()) {
          throw new DomainError(
            'CONFLICT',
            `The currency cannot change once sales have been made in ${before.currency}`,
            'currency',
            { key: 'errors.settings.currencyInUse', params: { currency: before.currency } }
          )
        }
        store.settings.saveProfile(profile, ctx.clock.now().toISOString())
        const after = store.settings.getProfile()!
        recordChange(ctx, {
          actorUserId,
          approverUserId,
          action: 'settings.updated',
          subject: 'store_profile',
          details: { before, after },
          event: { type: 'settings.updated', aggregateId: 'store_profile', payload: after }
        })
        return after
      })
      ctx.events.emit('settings:changed', saved)
      return saved
    },

    /** The receipt's address, phone, tax ID and paper (`80mm` | `58mm` | `A4`). */
    getReceipt(): ReceiptSettings {
      return store.receiptSettings.get()
    },

    /** Saves the receipt settings with their audit entry and outbox event, in one transaction. */
    updateReceipt(settings: ReceiptSettings, actor: Actor): ReceiptSettings {
      const { userId: actorUserId } = actor
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

    /**
     * This till's interface preferences: `language` (zh-CN until someone chooses) and `chosen`,
     * false while nobody has picked one on this till (the screens then follow the browser's or the
     * OS's language; main's own words — a desktop notification, the Z-report CSV — use `language`).
     */
    getPreferences(): DevicePreferences {
      const language = store.preferences.get(LANGUAGE_KEY)
      return { language: language === 'en' ? 'en' : 'zh-CN', chosen: language !== null }
    },

    /**
     * Saves this till's interface preferences (local only: no audit entry or event).
     */
    updatePreferences(preferences: Preferences): Preferences {
      store.transaction(() => store.preferences.set(LANGUAGE_KEY, preferences.language))
      return preferences
    }
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
