import type { ReactNode } from 'react'
import { LanguageSwitch } from '../../components/LanguageSwitch'

/**
 * The frame of the screens before the till opens: brand, store name, language, one card.
 * `compact` is the lock screen's: on a short counter screen (1024×768) its card and keypad
 * tighten so the whole of it, Unlock included, shows without scrolling.
 */
export function AuthFrame({
  storeName,
  children,
  wide,
  compact
}: {
  storeName: string
  children: ReactNode
  wide?: boolean
  compact?: boolean
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
      <main
        className={`auth__card${wide ? ' auth__card--wide' : ''}${compact ? ' auth__card--compact' : ''}`}
      >
        {children}
      </main>
    </div>
  )
}
