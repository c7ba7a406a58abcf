import { defineMessages } from '../messages'

const en = {
  voids: {
    title: 'Void order {{number}}',
    goesBack: 'What goes back to the customer',
    tender: 'Paid by',
    amount: 'Amount',
    how: 'How it goes back',
    how_cash: 'Take it out of the drawer and hand it over',
    how_card: 'Refunded to the card through the card terminal',
    how_alipay: "Refunded to the customer's Alipay",
    how_wechat: "Refunded to the customer's WeChat Pay",
    cashBody:
      'The sale is reversed in the books. Take {{amount}} in cash out of the drawer for the customer.',
    providerBody:
      'Part of this sale was paid by card, Alipay or WeChat Pay, so it cannot be voided: only a refund gives that money back. Refund the whole order instead — each part goes back the way it was paid, under its own refund number.',
    providerCash: ' Of it, only {{amount}} comes out of the drawer.',
    providerNoCash: ' No cash comes out of the drawer.',
    reason: 'Reason',
    confirmVoid: 'Void this sale',
    confirmRefund: 'Refund the whole order',
    cancel: 'Keep it',
    refundTitle: 'Refund {{number}}',
    status_succeeded: 'given back',
    status_processing: 'waiting for the provider',
    status_failed: 'refused by the provider — give it back another way',
    done: 'Done',
    total: 'Total'
  }
}

const zhCN: typeof en = {
  voids: {
    title: '作废订单 {{number}}',
    goesBack: '退还给顾客',
    tender: '付款方式',
    amount: '金额',
    how: '退还方式',
    how_cash: '从钱箱取出现金交给顾客',
    how_card: '经刷卡终端原路退回银行卡',
    how_alipay: '原路退回顾客的支付宝',
    how_wechat: '原路退回顾客的微信支付',
    cashBody: '这笔销售将在账上冲回。请从钱箱取出现金 {{amount}} 交给顾客。',
    providerBody:
      '此单有部分用银行卡、支付宝或微信支付付款，不能作废：只有退款才能把这部分钱退回。请改为整单退款——每一部分按原付款方式退回，各有退款单号。',
    providerCash: '其中只有 {{amount}} 从钱箱取出。',
    providerNoCash: '钱箱不出现金。',
    reason: '原因',
    confirmVoid: '确认作废',
    confirmRefund: '整单退款',
    cancel: '保留订单',
    refundTitle: '退款 {{number}}',
    status_succeeded: '已退回',
    status_processing: '等待渠道确认',
    status_failed: '渠道拒绝退款——请用其他方式退还',
    done: '完成',
    total: '合计'
  }
}

export const voidsMessages = defineMessages(en, zhCN)
