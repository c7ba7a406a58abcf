import { forwardRef, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ScanLine } from 'lucide-react'
import { takeBurst } from '../../lib/scanner'

/**
 * The grid searches once typing pauses this long: a scanner's 13 keys must not cost 13
 * searches and 13 repaints of the Sell screen (each key would arrive later than the last).
 */
const SEARCH_DELAY_MS = 150

/** `3*` before a code scans it three times (a quantity multiplier, as on most tills). */
export const MULTIPLIER = /^(\d{1,3})\*\s*(.*)$/

interface ScanBarProps {
  /**
   * A code (scanned or typed) with its multiplier; resolves false when no product has it (the
   * box keeps it as a search), true when it was added or refused for a reason of its own.
   */
  onScan: (code: string, quantity?: string) => Promise<boolean>
  /** What the grid below searches for: always exactly the box's text. */
  onSearch: (query: string) => void
  /** Arrow keys move through the search results; Enter on one picks it instead of scanning. */
  onMove: (step: 1 | -1) => void
  /** Picks the highlighted search result; false when none is highlighted. */
  onPickActive: () => boolean
}

/**
 * The till's main input: a scanner types into it and presses Enter; a person can type a
 * name to search the grid below (↑/↓ and Enter pick a result), or `3*` before a code.
 * It is a scan target: a scanner's Enter is handled here, with the code the app-wide
 * detector heard, so a search a person typed before the scan stays in the box, and a `3*`
 * before it applies to it.
 */
export const ScanBar = forwardRef<HTMLInputElement, ScanBarProps>(function ScanBar(
  { onScan, onSearch, onMove, onPickActive },
  ref
) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const multiplier = MULTIPLIER.exec(text)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  // A code that matched nothing, put back in the box: not a person's search, so a scan after it
  // clears it (else it stayed, with "no products" under it, for the rest of the sale). Compared
  // by text: a person who types after it made it a search of their own.
  const unmatched = useRef<string | null>(null)
  const putBack = (code: string): void => {
    show(code)
    unmatched.current = code
  }

  /** Shows `value` in the box; the grid follows (at once when cleared, else after a pause). */
  const show = (value: string): void => {
    setText(value)
    clearTimeout(timer.current)
    const query = MULTIPLIER.exec(value)?.[2] ?? value
    if (query === '') onSearch('')
    else timer.current = setTimeout(() => onSearch(query), SEARCH_DELAY_MS)
  }

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>): Promise<void> => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      onMove(event.key === 'ArrowDown' ? 1 : -1)
      return
    }
    if (event.key === 'Escape' && text) {
      event.preventDefault()
      show('')
      return
    }
    if (event.key !== 'Enter') return
    event.preventDefault()
    const burst = takeBurst(event.currentTarget)
    if (burst && text.endsWith(burst) && text !== burst) {
      // A scan after something a person typed: "3*" multiplies it, a search stays in the box.
      const before = text.slice(0, -burst.length)
      const times = MULTIPLIER.exec(before.trim())
      const quantity = times && !times[2] ? times[1] : undefined
      show(quantity || before === unmatched.current ? '' : before)
      unmatched.current = null
      if (await onScan(burst, quantity)) return
      // Not a code after all (a busy machine split the scanner's keys): the whole box is, with
      // its "3*" still a multiplier (it was looked up as "3*6923…", found at a loaded counter).
      const whole = MULTIPLIER.exec(text.trim())
      if (!(await onScan((whole ? whole[2]! : text).trim(), whole?.[1]))) putBack(text.trim())
      else show('')
      return
    }
    if (onPickActive()) {
      show('')
      return
    }
    const match = MULTIPLIER.exec(text.trim())
    const code = (match ? match[2]! : text).trim()
    if (!code) return
    show('')
    unmatched.current = null
    // Nothing matched the code: it goes back in the box as a search, so box and grid agree.
    if (!(await onScan(code, match?.[1]))) putBack(code)
  }

  return (
    <div className="scanbar">
      <ScanLine aria-hidden="true" size={28} className="scanbar__icon" />
      <label htmlFor="scan-input" className="visually-hidden">
        {t('sell.scanLabel')}
      </label>
      <input
        id="scan-input"
        ref={ref}
        className="scanbar__input"
        value={text}
        placeholder={t('sell.scanPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        data-scan-target=""
        aria-describedby="scan-hint"
        onChange={(event) => show(event.target.value)}
        onKeyDown={(event) => void onKeyDown(event)}
      />
      {multiplier && (
        <span className="badge scanbar__multiplier" data-testid="multiplier">
          × {multiplier[1]}
        </span>
      )}
      <span id="scan-hint" className="scanbar__hint">
        {t('sell.scanHint')}
      </span>
    </div>
  )
})
