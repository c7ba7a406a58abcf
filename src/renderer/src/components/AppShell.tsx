import type { ReactNode } from 'react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Calculator,
  ClipboardList,
  Package,
  Settings,
  ShoppingCart,
  TicketPercent,
  UserRound,
  Users,
  type LucideIcon
} from 'lucide-react'
import { SCREEN_NAV, SCREENS, useAppStore, type Screen } from '../stores/app-store'
import { useAuthStore } from '../stores/auth-store'
import { useSettingsStore } from '../stores/settings-store'
import { LanguageSwitch } from './LanguageSwitch'
import { NotificationCentre } from './NotificationCentre'
import { ShiftBadge } from './ShiftBadge'
import { SyncBadge } from './SyncBadge'
import { UserMenu } from './UserMenu'

const ICONS: Record<Screen, LucideIcon> = {
  sell: ShoppingCart,
  orders: ClipboardList,
  settlement: Calculator,
  products: Package,
  coupons: TicketPercent,
  settings: Settings,
  users: Users,
  profile: UserRound
}

/**
 * The frame around every screen: navigation on the left (Alt+1…5 from anywhere),
 * the store's name and the language switch on top.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const screen = useAppStore((s) => s.screen)
  const go = useAppStore((s) => s.go)
  const storeName = useSettingsStore((s) => s.saved?.storeName)
  const permissions = useAuthStore((s) => s.status?.user?.permissions)
  const auditWarning = useAuthStore((s) => s.status?.auditWarning)
  const navScreens = SCREENS.filter((name) => {
    const need = SCREEN_NAV[name]
    return need === undefined || (need !== 'hidden' && (permissions ?? []).includes(need))
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.key) - 1
      const target = navScreens[index]
      if (target) {
        event.preventDefault()
        go(target)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go, navScreens])

  return (
    <div className="shell">
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <div className="brand" aria-hidden="true">
          <span className="brand__mark">K</span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <ul className="nav-list">
          {navScreens.map((name, index) => {
            const Icon = ICONS[name]
            return (
              <li key={name}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={screen === name ? 'page' : undefined}
                  aria-keyshortcuts={`Alt+${index + 1}`}
                  onClick={() => go(name)}
                >
                  <Icon aria-hidden="true" size={26} strokeWidth={2} />
                  <span>{t(`nav.${name}`)}</span>
                </button>
              </li>
            )
          })}
        </ul>
      </nav>
      <div className="shell__body">
        <header className="topbar">
          <div className="topbar__store">
            <span className="topbar__store-name">{storeName}</span>
            <span className="topbar__tagline">{t('app.tagline')}</span>
          </div>
          <div className="topbar__end">
            <ShiftBadge />
            <SyncBadge />
            <NotificationCentre />
            <UserMenu />
            <LanguageSwitch />
          </div>
        </header>
        {auditWarning && (
          <p className="audit-banner audit-banner--danger" role="alert">
            {t('accounts.audit.warning', { seq: auditWarning.brokenAtSeq })}
          </p>
        )}
        <main className="shell__main">{children}</main>
      </div>
    </div>
  )
}
