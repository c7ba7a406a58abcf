import type { FormEvent, ReactNode } from 'react'
import { LanguageSwitch } from '../../components/LanguageSwitch'

/**
 * The card alone on the page before anyone is signed in (login and first-run set-up): its title
 * and the language switch on top, then the form's fields. `titleId` names the form for readers.
 */
export function GateCard({
  titleId,
  title,
  onSubmit,
  children
}: {
  titleId: string
  title: string
  onSubmit: (event: FormEvent) => void
  children: ReactNode
}) {
  return (
    <main className="hq-gate">
      <form className="card hq-gate__card" onSubmit={onSubmit} aria-labelledby={titleId}>
        <div className="hq-gate__top">
          <h1 id={titleId} className="card__title">
            {title}
          </h1>
          <LanguageSwitch />
        </div>
        {children}
      </form>
    </main>
  )
}
