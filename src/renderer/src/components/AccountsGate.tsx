import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { setCallHooks } from '../api/client'
import { LoginScreen } from '../screens/accounts/LoginScreen'
import { LockScreen } from '../screens/accounts/LockScreen'
import { SetupScreen } from '../screens/accounts/SetupScreen'
import { useApprovalStore } from '../stores/approval-store'
import { useAppStore } from '../stores/app-store'
import { useAuthStore } from '../stores/auth-store'
import { ApprovalDialog } from './ApprovalDialog'
import { IdleWatcher } from './IdleWatcher'
import '../styles/accounts.css'

/**
 * Nothing of the till shows until main says this session's user is logged in and unlocked:
 * first-run set-up, then login, and the lock screen whenever the session is locked.
 */
export function AccountsGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const status = useAuthStore((s) => s.status)
  const passwordLogin = useAuthStore((s) => s.passwordLogin)
  const refresh = useAuthStore((s) => s.refresh)
  const showPasswordLogin = useAuthStore((s) => s.showPasswordLogin)
  const go = useAppStore((s) => s.go)
  const userId = status?.state === 'active' ? status.user?.id : null
  const lastUser = useRef<string | null | undefined>(undefined)

  useEffect(() => {
    setCallHooks({
      approver: ({ channel, attempt, detail, reason }) =>
        useApprovalStore.getState().request(channel, attempt, detail, reason),
      onUnauthenticated: () => void refresh()
    })
    void refresh()
  }, [refresh])

  // Someone else at the till starts on the Sell screen, not on whatever the last person left open.
  useEffect(() => {
    if (userId && lastUser.current !== undefined && lastUser.current !== userId) go('sell')
    if (userId) lastUser.current = userId
  }, [userId, go])

  if (!status) {
    return (
      <main className="splash" aria-busy="true">
        {t('app.loading')}
      </main>
    )
  }
  if (status.setupRequired && status.setupProfile) return <SetupScreen initial={status.setupProfile} />
  if (status.state === 'signed-out') return <LoginScreen storeName={status.storeName} />
  if (status.state === 'locked' && status.user) {
    if (passwordLogin)
      return <LoginScreen storeName={status.storeName} onBack={() => showPasswordLogin(false)} />
    return <LockScreen storeName={status.storeName} user={status.user} />
  }
  return (
    <>
      <IdleWatcher minutes={status.idleLockMinutes} />
      {children}
      <ApprovalDialog />
    </>
  )
}
