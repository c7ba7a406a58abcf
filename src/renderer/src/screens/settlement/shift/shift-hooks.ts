import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api/client'
import { useMoney } from '../../../lib/money'
import { useStoreTime } from '../../../lib/store-time'

/**
 * Formats an ISO 8601 moment in the store's time zone, in the interface language's own short date
 * and medium time (`—` for null: not yet closed, say).
 */
export function useTime(): (iso: string | null) => string {
  const { i18n } = useTranslation()
  const storeTime = useStoreTime()
  return (iso) => (iso ? storeTime(iso, { dateStyle: 'short', timeStyle: 'medium' }, i18n.language) : '—')
}

/** Over, short or balanced, in words: `difference` is counted − expected in minor units (null: not counted). */
export function useResult() {
  const { t } = useTranslation()
  const money = useMoney()
  return (difference: number | null, currency: string): string => {
    if (difference === null) return '—'
    if (difference === 0) return t('shift.balanced')
    return difference > 0
      ? t('shift.over', { amount: money(difference, currency) })
      : t('shift.short', { amount: money(-difference, currency) })
  }
}

/**
 * Whether the closing count is blind (the store's loss-prevention setting, on by default): the
 * expected cash stays hidden while counting. Until the policy is read, it is blind.
 */
export function useBlindClose(): boolean {
  const [blind, setBlind] = useState(true)
  useEffect(() => {
    let live = true
    void call('approvals:get-policy', {})
      .then((policy) => live && setBlind(policy.blindClose))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return blind
}
