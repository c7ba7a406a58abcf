import type { SandboxKeys } from './sandbox/sandbox-keys'

/**
 * Where each provider's adapter points and which keys it uses. `sandbox` (the default: development,
 * demos, tests, training) points at Kassa's local gateway with the keys it generated; `production`
 * points at the provider with the merchant's own keys. Only these values differ — the adapters'
 * code is the same in both modes.
 */
export type PaymentMode = 'sandbox' | 'production'

export interface AlipayProviderConfig {
  mode: PaymentMode
  /** `https://openapi.alipay.com/gateway.do` in production. */
  gateway: string
  appId: string
  /** The app's RSA private key (PKCS#8 PEM). */
  privateKeyPath: string
  /** Alipay's public key (public-key mode). */
  alipayPublicKeyPath: string
  timeoutMs?: number
}

export interface WechatProviderConfig {
  mode: PaymentMode
  /** `https://api.mch.weixin.qq.com/` in production. */
  baseUrl: string
  mchId: string
  appId: string
  /** The serial of the merchant API certificate whose private key signs requests. */
  merchantSerial: string
  merchantPrivateKeyPath: string
  /** The platform public key id (`PUB_KEY_ID_…`) or platform certificate serial, and its key. */
  platformSerial: string
  platformPublicKeyPath: string
  /** 32 characters; decrypts notifications. */
  apiV3KeyPath: string
  /** 32 characters; signs the v2 payment-code calls. */
  apiV2KeyPath: string
  /** The merchant API certificate (PEM): production v2 `/secapi/` calls need mutual TLS with it. */
  merchantCertPath?: string
  /** `spbill_create_ip` the v2 payment-code call must carry: the till's address. */
  clientIp?: string
  timeoutMs?: number
}

export interface CardProviderConfig {
  mode: PaymentMode
  /** The terminal's ECR endpoint. */
  baseUrl: string
  terminalId: string
  terminalKeyPath: string
  timeoutMs?: number
}

export interface PaymentsConfig {
  currency: string
  alipay?: AlipayProviderConfig
  wechat?: WechatProviderConfig
  card?: CardProviderConfig
}

/** The configuration that points every provider at a running sandbox gateway and its generated keys. */
export function sandboxPaymentsConfig(
  gateway: { url: string; keys: SandboxKeys },
  options: { timeoutMs?: number } = {}
): PaymentsConfig {
  const { url, keys } = gateway
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }
  return {
    currency: 'CNY',
    alipay: {
      mode: 'sandbox',
      gateway: `${url}/gateway.do`,
      appId: keys.alipay.appId,
      privateKeyPath: keys.alipay.appPrivateKeyFile,
      alipayPublicKeyPath: keys.alipay.alipayPublicKeyFile,
      ...timeout
    },
    wechat: {
      mode: 'sandbox',
      baseUrl: `${url}/`,
      mchId: keys.wechat.mchId,
      appId: keys.wechat.appId,
      merchantSerial: keys.wechat.merchantSerial,
      merchantPrivateKeyPath: keys.wechat.merchantPrivateKeyFile,
      platformSerial: keys.wechat.platformSerial,
      platformPublicKeyPath: keys.wechat.platformPublicKeyFile,
      apiV3KeyPath: keys.wechat.apiV3KeyFile,
      apiV2KeyPath: keys.wechat.apiV2KeyFile,
      clientIp: '127.0.0.1',
      ...timeout
    },
    card: {
      mode: 'sandbox',
      baseUrl: `${url}/terminal/v1`,
      terminalId: keys.card.terminalId,
      terminalKeyPath: keys.card.terminalKeyFile,
      ...timeout
    }
  }
}
