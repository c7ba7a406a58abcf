import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { X } from 'lucide-react'
import { useErrorText } from '../../i18n/error-text'
import type { Notice } from '../../stores/cart-store'

type ShiftAction = NonNullable<Notice['action']>

/** The front modal, if any: a notice belongs where the cashier is looking. */
function frontDialog(): Element | null {
  return [...document.querySelectorAll('dialog[open]')].at(-1) ?? null
}

/**
 * The Sell screen's one notice line (issue 10, item 6). It floats over the top of the cart
 * (never pushing it down), or inside the open dialog when one is open, so a refusal is never
 * hidden behind the window the cashier is using; the store clears it on the next success.
 */
export function CounterNotice({
  notice,
  onOpenShift,
  onDismiss
}: {
  notice: Notice | null
  onOpenShift: (action: Omit<ShiftAction, 'kind'>) => void
  onDismiss: () => void
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  // A refused scan is named, so a code that left the box is not lost ("misread: scan again").
  const withCode = (reason: string, code: string | undefined): string =>
    code && !reason.includes(code) ? t('counter.codeRefused', { code, reason }) : reason
  // Where a notice shows is decided when it appears (the dialog open at that moment).
  const [placed, setPlaced] = useState<{ notice: Notice | null; host: Element | null }>({
    notice: null,
    host: null
  })
  // Only a refusal goes into the open dialog (where the cashier is acting); news such as
  // "order cancelled" comes as a dialog closes and belongs on the screen behind it.
  if (placed.notice !== notice) setPlaced({ notice, host: notice?.tone === 'error' ? frontDialog() : null })
  const host = placed.notice === notice ? placed.host : null
  if (!notice) return <div className="counter-notice-slot" />

  const body = (
    <div
      className={`notice notice--${notice.tone} counter-notice${host ? ' counter-notice--in-dialog' : ''}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <span className="counter-notice__text">
        {notice.error
          ? withCode(errorText(notice.error), notice.code)
          : notice.text === 'parked'
            ? t('sell.notices.parked')
            : notice.text}
      </span>
      {notice.action?.kind === 'open-shift' && (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => {
            const { kind: _kind, ...rest } = notice.action!
            onOpenShift(rest)
          }}
        >
          {t('counter.openShift')}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('counter.dismiss')} onClick={onDismiss}>
        <X aria-hidden="true" size={18} />
      </button>
    </div>
  )
  return host ? createPortal(body, host) : <div className="counter-notice-slot">{body}</div>
}
