import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Lock, LogOut, UserRound } from 'lucide-react'
import { useAppStore } from '../stores/app-store'
import { useAuthStore } from '../stores/auth-store'

/** Who is at the till, with My profile, Lock (Alt+L) and Log out one tap away. */
export function UserMenu() {
  const { t } = useTranslation()
  const user = useAuthStore((s) => s.status?.user)
  const lock = useAuthStore((s) => s.lock)
  const logout = useAuthStore((s) => s.logout)
  const screen = useAppStore((s) => s.screen)
  const go = useAppStore((s) => s.go)

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'l') {
        event.preventDefault()
        void lock()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [lock])

  if (!user) return null
  const role = t(`accounts.roles.${user.role}`)
  return (
    <div
      className="user-menu"
      role="group"
      aria-label={t('accounts.topbar.user', { name: user.displayName, role })}
    >
      <button
        type="button"
        className="user-menu__who"
        aria-current={screen === 'profile' ? 'page' : undefined}
        aria-label={t('accounts.topbar.profile')}
        onClick={() => go('profile')}
      >
        <UserRound aria-hidden="true" size={22} />
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role">{role}</span>
      </button>
      <button
        type="button"
        className="button button--ghost"
        aria-keyshortcuts="Alt+L"
        onClick={() => void lock()}
      >
        <Lock aria-hidden="true" size={20} /> {t('accounts.topbar.lock')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => void logout()}>
        <LogOut aria-hidden="true" size={20} /> {t('accounts.topbar.logout')}
      </button>
    </div>
  )
}
