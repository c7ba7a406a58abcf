import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Lock, LogOut, UserRound } from 'lucide-react'
import { useAppStore } from '../stores/app-store'
import { useAuthStore } from '../stores/auth-store'
import { useErrorText } from '../i18n/error-text'
import { useNotificationStore } from '../stores/notification-store'

/** Who is at the till, with My profile, Lock (Alt+L) and Log out one tap away. */
export function UserMenu() {
  const { t } = useTranslation()
  const user = useAuthStore((s) => s.status?.user)
  const lock = useAuthStore((s) => s.lock)
  const logout = useAuthStore((s) => s.logout)
  const screen = useAppStore((s) => s.screen)
  const go = useAppStore((s) => s.go)
  const errorText = useErrorText()
  const notify = useNotificationStore((s) => s.push)

  /** Logs out; on an enrolled till with unsynced sales main refuses: say why and open the Sync panel. */
  const onLogout = async (): Promise<void> => {
    await logout()
    const error = useAuthStore.getState().error
    if (error?.key === 'errors.sync.unsyncedEvents') {
      notify({
        id: `logout-refused-${Date.now()}`,
        level: 'warning',
        title: t('sync.panel.title'),
        body: errorText(error)
      })
      go('settings')
    }
  }

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
      {/* Icon buttons keep the top bar's room for the store's name; their names stay for screen readers and tooltips. */}
      <button
        type="button"
        className="icon-button icon-button--bar"
        aria-label={t('accounts.topbar.lock')}
        title={`${t('accounts.topbar.lock')} (Alt+L)`}
        aria-keyshortcuts="Alt+L"
        onClick={() => void lock()}
      >
        <Lock aria-hidden="true" size={22} />
      </button>
      <button
        type="button"
        className="icon-button icon-button--bar"
        aria-label={t('accounts.topbar.logout')}
        title={t('accounts.topbar.logout')}
        onClick={() => void onLogout()}
      >
        <LogOut aria-hidden="true" size={22} />
      </button>
    </div>
  )
}
