/**
 * Prints what is marked `.print-target` (the receipt), through Chromium's print dialog:
 * in Electron that is the window's webContents printing, in web mode the browser's. Both
 * offer "Save as PDF" as a destination, which is how a receipt becomes a PDF.
 */
export function printReceipt(): void {
  document.body.classList.add('printing-receipt')
  const done = (): void => {
    document.body.classList.remove('printing-receipt')
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
}
