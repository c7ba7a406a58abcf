import { ApiCallError, call } from '../api/client'

/** Shows only what is marked `.print-target` (the receipt) while `work` runs. */
async function withReceiptOnly<T>(work: () => T | Promise<T>): Promise<T> {
  document.body.classList.add('printing-receipt')
  try {
    return await work()
  } finally {
    document.body.classList.remove('printing-receipt')
  }
}

/**
 * Prints the receipt through Chromium's print dialog: in Electron that is the window's
 * webContents printing, in web mode the browser's.
 */
export function printReceipt(): void {
  void withReceiptOnly(() => window.print())
}

/**
 * Saves the receipt as a PDF: the desktop app writes it with printToPDF and says where;
 * web mode opens the print dialog, whose "Save as PDF" destination does the same.
 */
export async function saveReceiptPdf(orderId: string): Promise<string | null> {
  try {
    return (await withReceiptOnly(() => call('receipt:save-pdf', { orderId }))).file
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'UNAVAILABLE') {
      printReceipt()
      return null
    }
    throw error
  }
}
