import { defineMessages } from '../messages'

/**
 * Refusals while selling and after: the cart, the sell screen, coupons, checkout, payments,
 * refunds, orders, evaluations and receipts, worded in main's services.
 */
const en = {
  errors: {
    cart: {
      empty: 'The cart is empty',
      parkEmpty: 'An empty cart cannot be parked',
      notParked: 'This cart is not parked',
      notEditable: 'This cart is already {{status}}',
      currencyChanged: 'The store currency changed; discard this {{currency}} cart'
    },
    sell: {
      wholePieces: 'Goods sold by the piece take a whole number'
    },
    coupons: {
      unknown: 'Unknown coupon code {{code}}',
      inactive: 'Coupon {{code}} is no longer active',
      notYetValid: 'Coupon {{code}} is valid from {{date}}',
      expired: 'Coupon {{code}} expired on {{date}}',
      usedUp: 'Coupon {{code}} is used up',
      alreadyApplied: 'Coupon {{code}} is already applied',
      minimumSpend: 'Coupon {{code}} needs a spend of at least {{amount}}',
      codeTaken: 'Coupon code {{code}} is already in use',
      endsBeforeStart: 'must not be before the first valid day'
    },
    checkout: {
      lessThanDue: 'is less than the amount due, {{due}}',
      tenderedTooLittle: 'is less than {{amount}}',
      moreThanLeft: 'is more than the {{left}} left to pay',
      nothingLeft: 'Nothing is left to pay; wait for the open payment to finish',
      orderAlready: 'This order is already {{status}}',
      keyOfAnotherOrder: 'This payment belongs to another order; start the payment again',
      providerTenderOpen: 'A card or QR payment went through or is still open: cancel that payment first'
    },
    payments: {
      notSetUp: 'Card and QR payments are not set up on this till',
      methodUnavailable: 'This payment method is not available now',
      sandboxOnly: 'The customer panel exists only in sandbox mode',
      sandboxRefused: 'The sandbox refused: {{reason}}',
      badTransition: 'A payment that is {{from}} cannot become {{to}}',
      previousPaid: 'The previous attempt was paid: refund it instead of paying again',
      previousOpen:
        'The previous attempt is {{status}}: query it and cancel or reverse it before trying again'
    },
    refunds: {
      notRefundable: 'An order that is {{status}} cannot be refunded',
      lineTwice: 'lists the same line twice',
      moreThanLeft: 'is more than the {{left}} left to refund',
      nothing: 'Nothing to refund',
      keyOfAnotherOrder: 'This refund belongs to another order; start the refund again',
      needsManager: 'A refund above {{threshold}} needs a manager',
      badTransition: 'A refund that is {{from}} cannot become {{to}}'
    },
    orders: {
      voidOnlyToday: 'Only orders paid today can be voided; refund it instead',
      badTransition: 'An order that is {{status}} cannot be {{action}}'
    },
    evaluations: {
      unpaid: 'Only lines of a paid order can be rated',
      refunded: 'This line was refunded and cannot be rated',
      alreadyRated: 'This line has already been rated'
    },
    receipts: {
      pdfNeedsDesktop: 'Saving a PDF directly needs the desktop app; use Print and choose “Save as PDF”'
    }
  }
}

export const sellingErrorMessages = defineMessages(en, {
  errors: {
    cart: {
      empty: '购物车是空的',
      parkEmpty: '空购物车不能挂单',
      notParked: '该购物车没有挂单',
      notEditable: '该购物车已是{{status}}状态',
      currencyChanged: '门店币种已更改，请作废这张 {{currency}} 购物车'
    },
    sell: {
      wholePieces: '按件销售的商品数量必须是整数'
    },
    coupons: {
      unknown: '未知的优惠券码 {{code}}',
      inactive: '优惠券 {{code}} 已停用',
      notYetValid: '优惠券 {{code}} 自 {{date}} 起有效',
      expired: '优惠券 {{code}} 已于 {{date}} 过期',
      usedUp: '优惠券 {{code}} 已用完',
      alreadyApplied: '优惠券 {{code}} 已使用',
      minimumSpend: '优惠券 {{code}} 需消费满 {{amount}}',
      codeTaken: '优惠券码 {{code}} 已被使用',
      endsBeforeStart: '不能早于生效日期'
    },
    checkout: {
      lessThanDue: '少于应付金额 {{due}}',
      tenderedTooLittle: '少于 {{amount}}',
      moreThanLeft: '超过剩余应付的 {{left}}',
      nothingLeft: '已无待付金额，请等待进行中的支付完成',
      orderAlready: '该订单已是{{status}}状态',
      keyOfAnotherOrder: '此次支付属于另一个订单，请重新开始支付',
      providerTenderOpen: '有一笔刷卡或扫码支付已成功或仍在进行，请先取消该笔支付'
    },
    payments: {
      notSetUp: '本收银台未开通刷卡和扫码支付',
      methodUnavailable: '该支付方式暂不可用',
      sandboxOnly: '顾客面板仅在沙箱模式下可用',
      sandboxRefused: '沙箱拒绝：{{reason}}',
      badTransition: '状态为 {{from}} 的支付不能变为 {{to}}',
      previousPaid: '上一次尝试已付款：请退款，不要重复收款',
      previousOpen: '上一次尝试状态为 {{status}}：请先查询并撤销或冲正，再重试'
    },
    refunds: {
      notRefundable: '状态为 {{status}} 的订单不能退款',
      lineTwice: '同一行选了两次',
      moreThanLeft: '超过可退的 {{left}}',
      nothing: '没有可退的内容',
      keyOfAnotherOrder: '此次退款属于另一个订单，请重新开始退款',
      needsManager: '退款超过 {{threshold}} 需要店长授权',
      badTransition: '状态为 {{from}} 的退款不能变为 {{to}}'
    },
    orders: {
      voidOnlyToday: '只能作废当天支付的订单，请改为退款',
      badTransition: '状态为 {{status}} 的订单不能{{action}}'
    },
    evaluations: {
      unpaid: '只有已支付订单的商品行可以评价',
      refunded: '该行已退款，不能评价',
      alreadyRated: '该行已评价过'
    },
    receipts: {
      pdfNeedsDesktop: '直接保存 PDF 需要桌面版；请点“打印”并选择“另存为 PDF”'
    }
  }
})
