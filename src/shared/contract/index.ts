import type { z } from 'zod'
import { appChannels } from './channels/app'
import { approvalsChannels } from './channels/approvals'
import { authChannels, type Override } from './channels/auth'
import { cartChannels } from './channels/cart'
import { catalogChannels } from './channels/catalog'
import { couponsChannels } from './channels/coupons'
import { ordersChannels } from './channels/orders'
import { reconciliationChannels } from './channels/reconciliation'
import { receiptSettingsChannels } from './channels/receipt-settings'
import { refundsChannels } from './channels/refunds'
import { evaluationsChannels } from './channels/evaluations'
import { settlementChannels } from './channels/settlement'
import { shiftsChannels } from './channels/shifts'
import { tendersChannels } from './channels/tenders'
import { settingsChannels } from './channels/settings'
import { usersChannels } from './channels/users'
import { syncChannels } from './channels/sync'
import { mergeChannelMaps } from './channel'
import type { Result } from './errors'
import type { EventName, EventPayload } from './events'

/** Every channel of the API, declared once. Main and renderer both import this. */
export const contract = mergeChannelMaps(
  appChannels,
  settingsChannels,
  authChannels,
  usersChannels,
  catalogChannels,
  cartChannels,
  ordersChannels,
  couponsChannels,
  refundsChannels,
  tendersChannels,
  shiftsChannels,
  settlementChannels,
  evaluationsChannels,
  reconciliationChannels,
  receiptSettingsChannels,
  approvalsChannels,
  syncChannels
)

export type Contract = typeof contract
export type ChannelName = keyof Contract & string
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>

export const channelNames: ReadonlySet<string> = new Set(Object.keys(contract))

export function isChannelName(name: string): name is ChannelName {
  return channelNames.has(name)
}

/** Sent beside a call's input. */
export interface InvokeOptions {
  /** A manager's approval for an `overridable` channel the caller may not use. */
  override?: Override
}

/**
 * What the renderer sees as `window.kassa` (Electron preload) or the web bridge:
 * exactly the contract, nothing else.
 */
export interface KassaBridge {
  readonly mode: 'electron' | 'web'
  invoke<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    options?: InvokeOptions
  ): Promise<Result<ChannelOutput<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export * from './errors'
export * from './events'
export * from './permissions'
export * from './channels/app'
export * from './channels/approvals'
export * from './channels/settings'
export * from './channels/auth'
export * from './channels/users'
export * from './channels/catalog'
export * from './roles'
export * from './notification-access'
export * from './account-messages'
export * from './error-reasons'
