import type { CSSProperties } from 'react'

/**
 * A figure's length in characters as the CSS variable `--chars`, so a stylesheet can size the
 * figure to its box (`font-size: min(<usual>, calc(100cqi / (var(--chars) * <em per char>)))`):
 * a big payable shrinks only when it would not fit, and ¥99,989,999,000.10 shows whole at 1024×768.
 */
export function fitChars(text: string): CSSProperties {
  return { '--chars': text.length } as CSSProperties
}
