import type { ReceiptSettings } from '@shared/contract/channels/receipt-settings'
import { ApiCallError, call } from '../api/client'
import { useReceiptSettingsStore } from '../stores/receipt-settings-store'

type Paper = ReceiptSettings['paper']

/** Roll widths and the margins thermal printers leave (mm); A4 is a sheet, the receipt at roll width on it. */
const PAPERS: Record<Paper, { width: number; margin: number }> = {
  '80mm': { width: 80, margin: 3 },
  '58mm': { width: 58, margin: 2 },
  A4: { width: 210, margin: 12 }
}

const MM_PER_PX = 25.4 / 96

/** The receipt to print: the one in the open dialog, else the one on the screen. */
function pickTarget(): Element | null {
  const target =
    document.querySelector('dialog[open] .print-target') ?? document.querySelector('.print-target')
  return target?.querySelector('.receipt') ?? target
}

/**
 * Puts a copy of the receipt in `#print-root`, a child of <body> that is all that prints, and
 * sets the page to fit it: a roll page exactly as long as the receipt (a roll has no page
 * length; a fixed one would cut the QR code off or feed blank paper), or one A4 sheet. Measured
 * at the printable width on screen first, so the page size is known before printing. Answers
 * the clean-up.
 */
async function preparePrint(): Promise<() => void> {
  const store = useReceiptSettingsStore.getState()
  if (!store.saved) await store.load().catch(() => undefined)
  const paper: Paper = useReceiptSettingsStore.getState().saved?.paper ?? '80mm'
  const { width, margin } = PAPERS[paper]
  const source = pickTarget()
  document.getElementById('print-root')?.remove()
  document.getElementById('print-page')?.remove()
  const root = document.createElement('div')
  root.id = 'print-root'
  root.className = `print-root print-root--${paper === 'A4' ? 'a4' : paper}`
  root.style.width = `${paper === 'A4' ? 80 : width - 2 * margin}mm`
  if (source) root.append(source.cloneNode(true))
  document.body.append(root)
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)))
  const height = Math.ceil(root.getBoundingClientRect().height * MM_PER_PX) + 2 * margin + 2
  const style = document.createElement('style')
  style.id = 'print-page'
  style.textContent =
    paper === 'A4'
      ? `@page { size: A4 portrait; margin: ${margin}mm; }`
      : `@page { size: ${width}mm ${height}mm; margin: ${margin}mm; }`
  document.head.append(style)
  document.body.classList.add('printing-receipt')
  return () => {
    document.body.classList.remove('printing-receipt')
    root.remove()
    style.remove()
  }
}

/**
 * Prints the receipt through Chromium's print dialog: in Electron that is the window's
 * webContents printing, in web mode the browser's. The page is put back when printing ends.
 */
export async function printReceipt(): Promise<void> {
  const cleanup = await preparePrint()
  window.addEventListener('afterprint', cleanup, { once: true })
  window.print()
}

/**
 * Saves the receipt as a PDF: the desktop app writes it with printToPDF (the same page size
 * as printing) and says where; web mode opens the print dialog, whose "Save as PDF" does the same.
 */
export async function saveReceiptPdf(orderId: string): Promise<string | null> {
  const cleanup = await preparePrint()
  try {
    return (await call('receipt:save-pdf', { orderId })).file
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'UNAVAILABLE') {
      cleanup()
      void printReceipt()
      return null
    }
    throw error
  } finally {
    cleanup()
  }
}
