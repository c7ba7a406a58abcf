import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Hash } from 'wechatpay-axios-plugin'
import { formatCompactChinaTime } from '../china-time'
import { type HeldRequests, withFault } from './hold'
import { readBody, send } from './http-util'
import type { SandboxKeys } from './sandbox-keys'
import type { SandboxTrade, TradeBook } from './trade-book'
import { buildFlatXml, parseFlatXml } from './wechat-xml'

/** A WeChat Pay transaction id as the real ones look (42000…, with the China date inside). */
export function newTransactionId(book: TradeBook): string {
  return `42000${book.random.digits(5)}${formatCompactChinaTime(book.now()).slice(0, 8)}${book.random.digits(10)}`
}

/**
 * WeChat Pay's APIv2, which payment codes still need (v3 never got them): `/pay/micropay` and
 * `/secapi/pay/reverse`, flat XML signed with the APIv2 key (HMAC-SHA256 or MD5).
 */
export class WechatV2Gateway {
  private readonly apiV2Key: string

  constructor(
    private readonly book: TradeBook,
    private readonly keys: SandboxKeys,
    private readonly held: HeldRequests,
    private readonly settle: (trade: SandboxTrade) => Promise<void>
  ) {
    this.apiV2Key = readFileSync(keys.wechat.apiV2KeyFile, 'utf8').trim()
  }

  /** Micropay and reverse, the APIv2 calls a till still needs. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const fields = parseFlatXml(await readBody(req))
    const type: 'HMAC-SHA256' | 'MD5' = fields.sign_type === 'HMAC-SHA256' ? 'HMAC-SHA256' : 'MD5'
    const signKey = Hash.keyObjectFrom(this.apiV2Key)
    if (!fields.sign || !Hash.equals(Hash.sign(type, fields, signKey), fields.sign)) {
      this.xml(res, { return_code: 'FAIL', return_msg: '签名错误' }, type)
      return
    }
    if (fields.mch_id !== this.keys.wechat.mchId || fields.appid !== this.keys.wechat.appId) {
      this.xml(res, { return_code: 'FAIL', return_msg: 'appid和mch_id不匹配' }, type)
      return
    }
    const tradeNo = fields.out_trade_no ?? ''
    const call = path === '/pay/micropay' ? 'create' : 'cancel'
    await withFault({ book: this.book, held: this.held }, tradeNo, call, res, async () => {
      const answer = path === '/pay/micropay' ? this.micropay(fields) : this.reverse(tradeNo)
      const trade = this.book.get('wechat', tradeNo)
      if (trade?.scenario.notify === 'before_response') await this.settle(trade)
      const bad = call === 'create' && trade?.scenario.responseSignature === 'bad'
      return (out: ServerResponse) => this.xml(out, answer, type, bad)
    })
  }

  private micropay(fields: Record<string, string>): Record<string, string> {
    const tradeNo = fields.out_trade_no ?? ''
    const amount = Number(fields.total_fee)
    const failure = (code: string, text: string): Record<string, string> => ({
      return_code: 'SUCCESS',
      result_code: 'FAIL',
      err_code: code,
      err_code_des: text
    })
    let trade = this.book.get('wechat', tradeNo)
    if (!trade) {
      if (!Number.isSafeInteger(amount) || amount <= 0) return failure('PARAM_ERROR', 'total_fee 不合法')
      // WeChat payment codes: 18 digits starting 10–15.
      if (!/^1[0-5]\d{16}$/.test(fields.auth_code ?? ''))
        return failure('AUTH_CODE_INVALID', '付款码无效，请重新扫码')
      trade = this.book.open({
        provider: 'wechat',
        flow: 'code',
        tradeNo,
        providerTradeNo: newTransactionId(this.book),
        amount,
        subject: fields.body ?? '',
        state: 'user_paying'
      })
      this.book.startCustomer(trade)
    }
    switch (trade.state) {
      case 'succeeded':
        return {
          return_code: 'SUCCESS',
          result_code: 'SUCCESS',
          openid: 'oSandbox0000000000000000000',
          trade_type: 'MICROPAY',
          bank_type: 'OTHERS',
          total_fee: String(trade.amount),
          cash_fee: String(trade.amount),
          fee_type: 'CNY',
          transaction_id: trade.providerTradeNo,
          out_trade_no: trade.tradeNo,
          time_end: formatCompactChinaTime(trade.paidAt ?? this.book.now())
        }
      case 'failed':
        return failure(trade.failure?.code ?? 'NOTENOUGH', trade.failure?.message ?? '余额不足')
      case 'closed':
      case 'reversed':
        return failure('ORDERREVERSED', '订单已撤销')
      default:
        // Quirk: "the customer is entering the password" comes back as a failure; the merchant polls.
        return failure('USERPAYING', '需要用户输入支付密码')
    }
  }

  private reverse(tradeNo: string): Record<string, string> {
    const trade = this.book.get('wechat', tradeNo) ?? this.book.tombstone('wechat', 'code', tradeNo)
    if (trade.flow !== 'code')
      return {
        return_code: 'SUCCESS',
        result_code: 'FAIL',
        err_code: 'TRADE_ERROR',
        err_code_des: '只有付款码订单才能撤销',
        recall: 'N'
      }
    const result = this.book.reverse(trade)
    if (result === 'refused')
      return {
        return_code: 'SUCCESS',
        result_code: 'FAIL',
        err_code: 'REVERSE_EXPIRE',
        err_code_des: '订单已退款，不能撤销',
        recall: 'N'
      }
    return { return_code: 'SUCCESS', result_code: 'SUCCESS', recall: 'N' }
  }

  private xml(
    res: ServerResponse,
    fields: Record<string, string>,
    type: 'HMAC-SHA256' | 'MD5',
    badSign = false
  ): void {
    const full: Record<string, string> = {
      ...fields,
      appid: this.keys.wechat.appId,
      mch_id: this.keys.wechat.mchId,
      nonce_str: this.book.random.alphanumeric(32)
    }
    full.sign = Hash.sign(type, full, Hash.keyObjectFrom(badSign ? 'x'.repeat(32) : this.apiV2Key))
    send(res, 200, buildFlatXml(full), { 'content-type': 'text/xml; charset=utf-8' })
  }
}
