import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { NotificationRejectedError } from '../errors'
import type { IncomingNotification, PaymentNotification } from '../provider'
import { transactionOutcome, type Json } from './wechat-answers'

const MAX_NOTIFICATION_AGE_S = 300

/**
 * Verifies a WeChat Pay APIv3 notification (platform key serial, timestamp within five minutes, RSA
 * signature), decrypts its AEAD_AES_256_GCM resource and reads it as a payment or refund notification.
 *
 * @throws NotificationRejectedError (`signature`, `stale`, `shape`, `decryption`): the listener answers
 *   the provider's error reply and the notification is never passed on
 */
export function parseWechatNotification(
  notification: IncomingNotification,
  keys: {
    platformSerial: string
    platformPublicKey: ReturnType<typeof Rsa.from>
    apiV3Key: string
    mchid: string
  }
): PaymentNotification {
  const { platformPublicKey, apiV3Key, mchid } = keys
  const header = (name: string): string => {
    const value = notification.headers[name]
    return (Array.isArray(value) ? value[0] : value) ?? ''
  }
  const timestamp = header('wechatpay-timestamp')
  const nonce = header('wechatpay-nonce')
  const signature = header('wechatpay-signature')
  if (header('wechatpay-serial') !== keys.platformSerial) {
    throw new NotificationRejectedError(
      'wechat',
      'signature',
      'The notification is signed by an unknown platform key'
    )
  }
  // A replayed notification carries an old timestamp: refuse anything older than five minutes.
  if (
    !/^\d+$/.test(timestamp) ||
    Math.abs(Formatter.timestamp() - Number(timestamp)) > MAX_NOTIFICATION_AGE_S
  ) {
    throw new NotificationRejectedError('wechat', 'stale', 'The notification timestamp is too far from now')
  }
  if (
    !signature ||
    !Rsa.verify(Formatter.response(timestamp, nonce, notification.body), signature, platformPublicKey)
  ) {
    throw new NotificationRejectedError(
      'wechat',
      'signature',
      'The WeChat Pay notification signature is invalid'
    )
  }
  let envelope: { id?: string; event_type?: string; resource?: Record<string, string> }
  try {
    envelope = JSON.parse(notification.body) as typeof envelope
  } catch {
    throw new NotificationRejectedError('wechat', 'shape', 'The notification body is not JSON')
  }
  const resource = envelope.resource
  if (!envelope.id || !resource || resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new NotificationRejectedError(
      'wechat',
      'shape',
      'The notification has no AEAD_AES_256_GCM resource'
    )
  }
  let plain: Json
  try {
    plain = JSON.parse(
      Aes.AesGcm.decrypt(
        resource.ciphertext ?? '',
        apiV3Key,
        resource.nonce ?? '',
        resource.associated_data ?? ''
      )
    ) as Json
  } catch {
    throw new NotificationRejectedError(
      'wechat',
      'decryption',
      'The notification resource does not decrypt with the APIv3 key'
    )
  }
  if (plain.mchid !== mchid)
    throw new NotificationRejectedError('wechat', 'shape', 'The notification is for another merchant')
  const amount = (plain.amount ?? {}) as { total?: unknown; refund?: unknown }
  if (envelope.event_type?.startsWith('REFUND.')) {
    return {
      kind: 'refund',
      provider: 'wechat',
      eventId: envelope.id,
      tradeNo: String(plain.out_trade_no ?? ''),
      refundNo: String(plain.out_refund_no ?? ''),
      ...(typeof plain.refund_id === 'string' ? { providerRefundNo: plain.refund_id } : {}),
      status: plain.refund_status === 'SUCCESS' ? 'succeeded' : 'failed',
      ...(Number.isSafeInteger(amount.refund) ? { amount: amount.refund as number } : {})
    }
  }
  const outcome = transactionOutcome(String(plain.out_trade_no ?? ''), plain)
  if (!Number.isSafeInteger(amount.total))
    throw new NotificationRejectedError('wechat', 'shape', 'The notification has no amount')
  return {
    kind: 'payment',
    provider: 'wechat',
    eventId: envelope.id,
    tradeNo: outcome.tradeNo,
    ...(outcome.providerTradeNo ? { providerTradeNo: outcome.providerTradeNo } : {}),
    status: outcome.status,
    amount: amount.total as number,
    ...(outcome.paidAt ? { paidAt: outcome.paidAt } : {})
  }
}
