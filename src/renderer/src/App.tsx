import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { onEvent } from './api/client'
import { AccountsGate } from './components/AccountsGate'
import { AppShell } from './components/AppShell'
import { ScanRefusedNotice } from './components/ScanRefusedNotice'
import { useScanBursts } from './lib/scanner'
import { DamagedDatabaseScreen } from './screens/DamagedDatabaseScreen'
import { screenComponents } from './screens'
import { useAppStore } from './stores/app-store'
import { useAuthStore } from './stores/auth-store'
import { useSettingsStore } from './stores/settings-store'

export function App() {
  const { t } = useTranslation()
  const info = useAppStore((s) => s.info)
  const screen = useAppStore((s) => s.screen)
  const startupError = useAppStore((s) => s.startupError)
  const start = useAppStore((s) => s.start)
  const loadSettings = useSettingsStore((s) => s.load)
  const receiveSettings = useSettingsStore((s) => s.receive)
  const signedIn = useAuthStore((s) => s.status?.state === 'active')
  // One scanner for the whole app: a burst never lands in the field that has the focus.
  useScanBursts()

  useEffect(() => {
    void start()
  }, [start])

  useEffect(() => {
    // The store profile needs a logged-in session (the login screens get the name from auth:status).
    if (info?.database.status !== 'ok' || !signedIn) return
    void loadSettings()
    return onEvent('settings:changed', receiveSettings)
  }, [info, signedIn, loadSettings, receiveSettings])

  if (startupError) {
    return (
      <main className="splash" role="alert">
        {startupError}
      </main>
    )
  }
  if (!info) {
    return (
      <main className="splash" aria-busy="true">
        {t('app.loading')}
      </main>
    )
  }
  if (info.database.status !== 'ok') return <DamagedDatabaseScreen database={info.database} />

  const ScreenComponent = screenComponents[screen]
  return (
    <>
      <AccountsGate>
        <AppShell>
          <ScreenComponent />
        </AppShell>
      </AccountsGate>
      <ScanRefusedNotice />
    </>
  )
}
