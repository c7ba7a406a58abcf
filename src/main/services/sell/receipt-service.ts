import { join } from 'node:path'
import { mkdirDurably, writeFileDurably } from '../../fs/durable-file'
import type { Platform } from '../../core/platform'
import { DomainError, notFound } from '../../domain/errors'
import type { Store } from '../../store/store'

/** Receipts as PDF files in `<dataDir>/receipts`, named by order number. */
export function createReceiptService(deps: { store: Store; platform: Platform; dataDir: string }) {
  return {
    /**
     * Prints the receipt the session's window is showing to `<dataDir>/receipts/<order number>.pdf`
     * (overwriting an earlier save of the same order), written durably; answers the file's path.
     * @throws DomainError NOT_FOUND `orderId` `errors.notFound.order` (unknown, or a draft without a
     *   number); UNAVAILABLE `errors.receipts.pdfNeedsDesktop` (no field: web mode cannot print to PDF)
     */
    async savePdf(orderId: string, sessionId: string): Promise<{ file: string }> {
      const order = deps.store.orders.get(orderId)
      if (!order?.number) throw notFound('Order', 'orderId', 'order')
      if (!deps.platform.printToPdf) {
        throw new DomainError(
          'UNAVAILABLE',
          'Saving a PDF directly needs the desktop app; use Print and choose “Save as PDF”',
          undefined,
          { key: 'errors.receipts.pdfNeedsDesktop' }
        )
      }
      const pdf = await deps.platform.printToPdf(sessionId)
      const dir = join(deps.dataDir, 'receipts')
      mkdirDurably(dir)
      const file = join(dir, `${order.number}.pdf`)
      // The cashier is told the receipt was saved: it must survive a power cut right after.
      writeFileDurably(file, pdf)
      return { file }
    }
  }
}

export type ReceiptService = ReturnType<typeof createReceiptService>
