import { create } from 'zustand'
import type { ReceiptSettings } from '@shared/contract/channels/receipt-settings'
import { call } from '../api/client'

interface ReceiptSettingsState {
  /** What main last confirmed; null until loaded. */
  saved: ReceiptSettings | null
  load(): Promise<void>
  /** Saves; rejects with the API's error (field named) for the form to show. */
  save(settings: ReceiptSettings): Promise<void>
}

/** The receipt's address, phone, tax ID and paper size, shared by every receipt and the Settings form. */
export const useReceiptSettingsStore = create<ReceiptSettingsState>((set) => ({
  saved: null,
  async load() {
    set({ saved: await call('receipt:get-settings', {}) })
  },
  async save(settings) {
    set({ saved: await call('receipt:update-settings', settings) })
  }
}))
