import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SCAN_REFUSED } from '../lib/scanner'
import { play } from '../lib/sounds'

/** How long the notice stays: long enough to read, gone before the next customer. */
const SHOW_MS = 6000

/** Space kept between the notice and the window's edge or the dialog it avoids. */
const GAP = 8

/**
 * The modal on top. Not the last in the page: the approval dialog is mounted once, early, and
 * raised over whatever asked for it; the front one is the one its own centre hits.
 */
function frontDialog(): HTMLDialogElement | undefined {
  const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
  const onTop = open.find((dialog) => {
    const r = dialog.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && dialog.contains(hit)
  })
  return onTop ?? open.at(-1)
}

/**
 * Where the notice goes so it never covers the front dialog's title or buttons (issue 10):
 * above the dialog when there is room, else below it, else beside it, else just under the
 * dialog's title (over its body, never its title or actions). With no dialog: top centre.
 * Returns CSS for `position: fixed`, in pixels.
 */
function placeNotice(notice: HTMLElement): Partial<CSSStyleDeclaration> {
  const centred = { left: '50%', right: 'auto', transform: 'translateX(-50%)', maxWidth: 'min(90vw, 640px)' }
  const front = frontDialog()
  if (!front) return { ...centred, top: `${GAP + 4}px` }
  const box = front.getBoundingClientRect()
  const height = notice.offsetHeight
  if (box.top >= height + 2 * GAP) return { ...centred, top: `${Math.max(GAP, box.top - height - GAP)}px` }
  if (innerHeight - box.bottom >= height + 2 * GAP) return { ...centred, top: `${box.bottom + GAP}px` }
  const side = Math.max(box.left, innerWidth - box.right) - 2 * GAP
  if (side >= 180) {
    const onLeft = box.left >= innerWidth - box.right
    return {
      top: `${box.top + GAP}px`,
      transform: 'none',
      maxWidth: `${side}px`,
      ...(onLeft ? { left: `${GAP}px`, right: 'auto' } : { left: `${box.right + GAP}px`, right: 'auto' })
    }
  }
  const title = front.querySelector('h2, .dialog__title')?.getBoundingClientRect()
  return {
    top: `${(title?.bottom ?? box.top) + GAP}px`,
    left: `${box.left + GAP}px`,
    right: 'auto',
    transform: 'none',
    maxWidth: `${box.width - 2 * GAP}px`
  }
}

/**
 * Says why a scan did nothing on a screen that takes no scans (a shift count, a PIN, settings):
 * the burst was swallowed by the app's scanner (`installScanBursts`) and the field kept its value.
 */
export function ScanRefusedNotice() {
  const { t } = useTranslation()
  // Each refusal is a new object, so the notice is raised again above a dialog opened since.
  const [refusal, setRefusal] = useState<{ code: string } | null>(null)
  const code = refusal?.code ?? null
  const box = useRef<HTMLParagraphElement>(null)
  // A popover sits in the top layer, above an open modal dialog (a shift count, the PIN pad).
  useEffect(() => {
    const element = box.current
    if (!element?.showPopover) return
    if (element.matches(':popover-open')) element.hidePopover()
    if (refusal === null) return
    element.showPopover()
    const place = (): void => void Object.assign(element.style, placeNotice(element))
    place()
    addEventListener('resize', place)
    return () => removeEventListener('resize', place)
  }, [refusal])
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onRefused = (event: Event): void => {
      play('error')
      setRefusal({ code: (event as CustomEvent<string>).detail })
      clearTimeout(timer)
      timer = setTimeout(() => setRefusal(null), SHOW_MS)
    }
    window.addEventListener(SCAN_REFUSED, onRefused)
    return () => {
      clearTimeout(timer)
      window.removeEventListener(SCAN_REFUSED, onRefused)
    }
  }, [])
  return (
    <p ref={box} className="scan-refused" role="alert" popover="manual" data-testid="scan-refused">
      {code === null ? '' : t('counter.scanRefused', { code })}
    </p>
  )
}
