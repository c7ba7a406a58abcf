/**
 * What only the desktop shell can do, handed to the core by the Electron binding. Web mode
 * leaves these out, and the channels that need them answer UNAVAILABLE, so the renderer
 * falls back to the browser's own way (its print dialog can save a PDF).
 */
export interface Platform {
  /** Prints the calling window's page (with its print CSS applied) to PDF bytes. */
  printToPdf?(sessionId: string): Promise<Uint8Array>
  /** Shows a desktop notification (the in-app notification centre has it either way). */
  notify?(notification: { title: string; body: string }): void
}
