import { useEffect } from 'react'
import { useAuthStore } from '../stores/auth-store'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const
/** Main counts idle time from the last call; a touch or a key press is reported at most this often. */
const REPORT_EVERY_MS = 30_000

/**
 * Locks the till after the store's idle time without a key press or a touch, and keeps main
 * (which enforces the same limit) informed that someone is still there.
 */
export function IdleWatcher({ minutes }: { minutes: number }) {
  const lock = useAuthStore((s) => s.lock)
  const activity = useAuthStore((s) => s.activity)

  useEffect(() => {
    let lastInput = Date.now()
    let lastReport = Date.now()
    const onInput = (): void => {
      lastInput = Date.now()
      if (lastInput - lastReport >= REPORT_EVERY_MS) {
        lastReport = lastInput
        void activity()
      }
    }
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onInput, { passive: true, capture: true })
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput >= minutes * 60_000) void lock()
    }, 1000)
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onInput, { capture: true })
      window.clearInterval(timer)
    }
  }, [minutes, lock, activity])

  return null
}
