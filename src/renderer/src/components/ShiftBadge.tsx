import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LockOpen, TriangleAlert } from 'lucide-react'
import { onEvent } from '../api/client'
import { useAppStore } from '../stores/app-store'
import { useShiftStore } from '../stores/shift-store'

/**
 * The till's shift in the top bar: which one is open, or a warning that none is (a till sells
 * only with an open shift). Either way it leads to the Settlement screen.
 */
export function ShiftBadge() {
  const { t } = useTranslation()
  const current = useShiftStore((s) => s.current)
  const load = useShiftStore((s) => s.load)
  const screen = useAppStore((s) => s.screen)
  const go = useAppStore((s) => s.go)

  useEffect(() => {
    void load()
  }, [load, screen])
  useEffect(() => onEvent('shift:changed', () => void load()), [load])

  if (!current) return null
  const shift = current.shift
  return (
    <button
      type="button"
      className={`topbar-badge shift-badge${shift ? '' : ' shift-badge--none'}`}
      title={shift ? undefined : t('shift.badgeHint')}
      onClick={() => go('settlement')}
    >
      {shift ? <LockOpen aria-hidden="true" size={18} /> : <TriangleAlert aria-hidden="true" size={18} />}
      <span>{shift ? t('shift.badgeOpen', { number: shift.number }) : t('shift.badgeNone')}</span>
    </button>
  )
}
