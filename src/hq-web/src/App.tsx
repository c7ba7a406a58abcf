import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from './components/ErrorNotice'
import { LanguageSwitch } from './components/LanguageSwitch'
import { UserMenu } from './components/UserMenu'
import { navigate, useLocation } from './route'
import { HQ_SCREENS } from './screens'
import { LoginScreen } from './screens/auth/LoginScreen'
import { ReauthDialog } from './screens/auth/ReauthDialog'
import { SetupScreen } from './screens/auth/SetupScreen'
import { useSession } from './session-store'

/**
 * The head office's frame: sign-in or first-run set-up until someone is signed in; then the nav
 * (the screens the role may see, Alt+1…9), the language switch and the user menu around the
 * screen named by the address (`#/<screen>`).
 */
export function App() {
  const { t } = useTranslation()
  const status = useSession((s) => s.status)
  const role = useSession((s) => s.user?.role)
  const load = useSession((s) => s.load)
  const [error, setError] = useState<unknown>(null)
  const location = useLocation()
  const screens = HQ_SCREENS.filter((screen) => role && screen.roles.includes(role))
  const current = screens.find((screen) => screen.id === location.screen) ?? screens[0]

  useEffect(() => {
    load().catch(setError)
  }, [load])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const target = screens[Number(event.key) - 1]
      if (target) {
        event.preventDefault()
        navigate(target.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [screens])

  if (error) return <ErrorNotice error={error} />
  if (status === 'loading') return <div className="splash">{t('hq.app.loading')}</div>
  if (status === 'setup') return <SetupScreen />
  if (status === 'signed-out' || !current) return <LoginScreen />
  const Screen = current.component
  return (
    <div className="shell hq-shell">
      <nav className="shell__nav" aria-label={t('hq.nav.label')}>
        <div className="brand" aria-hidden="true">
          <span className="brand__mark">K</span>
          <span className="brand__name">{t('hq.app.name')}</span>
        </div>
        <ul className="nav-list">
          {screens.map((screen) => {
            const Icon = screen.icon
            return (
              <li key={screen.id}>
                <a
                  href={`#/${screen.id}`}
                  className="nav-item"
                  aria-current={screen.id === current.id ? 'page' : undefined}
                >
                  <Icon size={24} aria-hidden="true" />
                  <span>{t(screen.label)}</span>
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
      <div className="shell__body">
        <header className="topbar">
          <div className="topbar__store">
            <span className="topbar__store-name">{t('hq.app.name')}</span>
            <span className="topbar__tagline">{t(current.label)}</span>
          </div>
          <div className="topbar__end hq-topbar__end">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </header>
        <main className="shell__main" id="main">
          <Screen key={current.id} />
        </main>
        {status === 'reauth' && <ReauthDialog />}
      </div>
    </div>
  )
}
