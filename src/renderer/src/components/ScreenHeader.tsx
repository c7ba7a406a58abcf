import type { ReactNode } from 'react'

interface ScreenHeaderProps {
  /** The heading's id, for the screen's `aria-labelledby`. */
  titleId: string
  title: string
  subtitle?: string
  /** The screen's main actions, on the right. */
  children?: ReactNode
}

/** The title block every screen opens with. */
export function ScreenHeader({ titleId, title, subtitle, children }: ScreenHeaderProps) {
  return (
    <header className="screen__header">
      <div>
        <h1 id={titleId} className="screen__title">
          {title}
        </h1>
        {subtitle && <p className="screen__subtitle">{subtitle}</p>}
      </div>
      {children}
    </header>
  )
}
