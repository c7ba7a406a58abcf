import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useReceiptSettingsStore } from '../stores/receipt-settings-store'

/** The store's address, phone and tax ID under its name on a receipt or slip (Settings → Receipt). */
export function StoreContact() {
  const { t } = useTranslation()
  const settings = useReceiptSettingsStore((s) => s.saved)
  const load = useReceiptSettingsStore((s) => s.load)
  useEffect(() => {
    if (!settings) void load().catch(() => undefined)
  }, [settings, load])
  if (!settings) return null
  return (
    <div className="receipt__contact">
      {settings.address && <p data-testid="receipt-address">{settings.address}</p>}
      {settings.phone && (
        <p data-testid="receipt-phone">
          {t('receiptSettings.phoneLabel')} {settings.phone}
        </p>
      )}
      {settings.taxId && (
        <p data-testid="receipt-tax-id">
          {t('receiptSettings.taxIdLabel')} {settings.taxId}
        </p>
      )}
    </div>
  )
}
