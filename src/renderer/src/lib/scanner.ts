import { useEffect, useRef } from 'react'

/** Keystrokes closer together than this are a scanner, not a person. */
const MAX_GAP_MS = 40
const MIN_LENGTH = 4

/**
 * A keyboard-wedge barcode scanner types fast and ends with Enter. Outside text fields,
 * this catches such bursts anywhere on the screen and hands over the code; inside a text
 * field the field's own Enter handling takes it.
 */
export function useBarcodeScanner(onScan: (code: string) => void, enabled = true): void {
  const buffer = useRef<{ chars: string; last: number }>({ chars: '', last: 0 })
  const handler = useRef(onScan)
  useEffect(() => {
    handler.current = onScan
  }, [onScan])

  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return
      if (target?.closest('dialog[open]')) return
      const now = event.timeStamp
      const state = buffer.current
      if (event.key === 'Enter') {
        if (state.chars.length >= MIN_LENGTH) {
          event.preventDefault()
          handler.current(state.chars)
        }
        state.chars = ''
        return
      }
      if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return
      state.chars = now - state.last > MAX_GAP_MS ? event.key : state.chars + event.key
      state.last = now
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
