import { useTranslation } from 'react-i18next'
import { LogOut } from 'lucide-react'
import { useSession } from '../session-store'

/** Who is signed in, with what role, and sign-out. */
export function UserMenu() {
  const { t } = useTranslation()
  const user = useSession((s) => s.user)
  const signOut = useSession((s) => s.signOut)
  if (!user) return null
  return (
    <div className="user-menu hq-user" aria-label={t('hq.user.menu', { name: user.name })} role="group">
      <span className="hq-user__name">{user.name}</span>
      <span className="user-menu__role">{t(`hq.roles.${user.role}`)}</span>
      <button type="button" className="button button--small" onClick={() => void signOut()}>
        <LogOut size={16} aria-hidden="true" /> {t('hq.user.signOut')}
      </button>
    </div>
  )
}
