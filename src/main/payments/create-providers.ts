import { createAlipayProvider } from './alipay/alipay-provider'
import { createCardTerminalProvider } from './card/card-terminal-provider'
import { createCashProvider } from './cash/cash-provider'
import type { PaymentsConfig } from './config'
import type { PaymentProvider, ProviderId } from './provider'
import { createWechatProvider } from './wechat/wechat-provider'

export type PaymentProviders = { cash: PaymentProvider } & Partial<
  Record<Exclude<ProviderId, 'cash'>, PaymentProvider>
>

/** One adapter per configured provider (cash always). Reads the key files named in the config. */
export function createPaymentProviders(config: PaymentsConfig): PaymentProviders {
  return {
    cash: createCashProvider(),
    ...(config.alipay ? { alipay: createAlipayProvider(config.alipay, config.currency) } : {}),
    ...(config.wechat ? { wechat: createWechatProvider(config.wechat, config.currency) } : {}),
    ...(config.card ? { card: createCardTerminalProvider(config.card) } : {})
  }
}
