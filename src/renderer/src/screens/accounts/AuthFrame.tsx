import type { ReactNode } from 'react'
import { LanguageSwitch } from '../../components/LanguageSwitch'

/** The frame of the screens before the till opens: brand, store name, language, one card. */
export function AuthFrame({
  storeName,
  children,
  wide
}: {
  storeName: string
  children: ReactNode
  wide?: boolean
}) {
  return (
    <div className="auth">
      <header className="auth__bar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            K
          </span>
          <span className="auth__store">{storeName}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className={`auth__card${wide ? ' auth__card--wide' : ''}`}>{children}</main>
    </div>
  )
}
