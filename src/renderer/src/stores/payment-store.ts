import { create } from 'zustand'
import type { ChannelOutput } from '@shared/contract'
import type { TenderMethod } from '@shared/contract/channels/tenders'
import { call } from '../api/client'

export type Availability = ChannelOutput<'payments:availability'>

interface PaymentState {
  /** Which tender methods main can use now (null until first asked). */
  availability: Availability | null
  /** The sandbox "customer device" drawer. */
  deviceOpen: boolean
  refreshAvailability(): Promise<void>
  setDeviceOpen(open: boolean): void
}

/**
 * What the payment screens share: whether the gateway can be reached (so card and QR
 * tenders can be disabled with the reason), and whether the sandbox customer device is open.
 */
export const usePaymentStore = create<PaymentState>((set) => ({
  availability: null,
  deviceOpen: false,

  async refreshAvailability() {
    try {
      set({ availability: await call('payments:availability', {}) })
    } catch {
      // Keep the last answer: a hiccup asking main is not the gateway being down.
    }
  },

  setDeviceOpen(deviceOpen) {
    set({ deviceOpen })
  }
}))

export interface MethodState {
  available: boolean
  reason: string | null
}

/** Whether a method can be used now, and why not. Cash always can. */
export function methodState(availability: Availability | null, method: TenderMethod): MethodState {
  if (method === 'cash') return { available: true, reason: null }
  return availability?.methods[method] ?? { available: true, reason: null }
}
