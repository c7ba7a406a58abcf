import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SCAN_REFUSED } from '../lib/scanner'
import { play } from '../lib/sounds'

/** How long the notice stays: long enough to read, gone before the next customer. */
const SHOW_MS = 6000

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
    if (refusal !== null) element.showPopover()
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
