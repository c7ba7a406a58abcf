import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useApprovalStore } from '../stores/approval-store'

interface DialogProps {
  title: string
  open: boolean
  onClose: () => void
  children: ReactNode
  /** Buttons along the bottom. */
  actions?: ReactNode
  size?: 'normal' | 'wide'
}

/**
 * A modal on the native <dialog>: focus moves in and is trapped, Escape closes it,
 * and it is announced as a dialog named by its title. Every modal opens with `showModal`,
 * so the browser's top layer is the app's one dialog stack: the newest is on top with the
 * focus. Closing one cancels a manager approval asked from inside it. Taller than the
 * screen, its body scrolls and its action buttons stay in view.
 */
export function Dialog({ title, open, onClose, children, actions, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // showModal focuses the first control; the field a form marks is where typing starts
      // (React's autoFocus runs before the dialog is shown, so it is lost).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) {
      dialog.close()
      useApprovalStore.getState().cancelFrom(dialog)
    }
  }, [open])

  // Unmounted with an approval still asked from inside it (its screen went away): cancel that too.
  useEffect(() => {
    const dialog = ref.current
    return () => {
      if (dialog) useApprovalStore.getState().cancelFrom(dialog)
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          {actions && <div className="dialog__actions">{actions}</div>}
        </>
      )}
    </dialog>
  )
}
