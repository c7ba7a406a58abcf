import { forwardRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ScanLine } from 'lucide-react'

interface ScanBarProps {
  onScan: (code: string) => Promise<boolean>
  onSearch: (query: string) => void
}

/**
 * The till's main input: a scanner types into it and presses Enter; a person can type a
 * name to search the grid below instead.
 */
export const ScanBar = forwardRef<HTMLInputElement, ScanBarProps>(function ScanBar(
  { onScan, onSearch },
  ref
) {
  const { t } = useTranslation()
  const [text, setText] = useState('')

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>): Promise<void> => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    const code = text.trim()
    if (!code) return
    setText('')
    onSearch('')
    if (!(await onScan(code))) onSearch(code)
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
        aria-describedby="scan-hint"
        onChange={(event) => {
          setText(event.target.value)
          onSearch(event.target.value)
        }}
        onKeyDown={(event) => void onKeyDown(event)}
      />
      <span id="scan-hint" className="scanbar__hint">
        {t('sell.scanHint')}
      </span>
    </div>
  )
})
