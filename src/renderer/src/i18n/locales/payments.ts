import { defineMessages } from '../messages'

const en = {
  payments: {
    payButton: 'Pay',
    title: {
      cash: 'Cash payment',
      card: 'Card payment',
      alipay: 'Alipay payment',
      wechat: 'WeChat Pay payment'
    },
    methodsLabel: 'Payment method',
    methods: { cash: 'Cash', card: 'Card', alipay: 'Alipay', wechat: 'WeChat Pay' },
    unavailable: 'Not available',
    offline: 'Card, Alipay and WeChat Pay cannot be used now: {{reason}}. Cash still works.',
    summary: {
      label: 'Payment progress',
      due: 'To pay',
      cashDue: 'In cash',
      paid: 'Paid',
      remaining: 'Still due'
    },
    amount: 'Amount to take ({{currency}})',
    amountHint: 'Pay part now and the rest by another method',
    cashAmount: 'Amount paid in cash ({{currency}})',
    amountName: 'Amount to take',
    cashAmountName: 'Amount paid in cash',
    cashReceived: 'Cash received ({{currency}})',
    cashReceivedHint: 'Leave empty when the customer hands over the exact amount',
    takeCash: 'Take cash',
    card: {
      instructions:
        'The customer presents, inserts or taps their card on the terminal and enters their PIN there.',
      start: 'Charge card on the terminal'
    },
    wallet: {
      flowLabel: 'How the customer pays',
      customerCode: "Scan customer's code",
      merchantQr: 'Customer scans QR',
      codeLabel: "Customer's payment code",
      codeHint: 'Scan the code on the customer’s phone; the scanner presses Enter',
      charge: 'Charge',
      showQr: 'Show QR code',
      qrAlt: 'QR code to pay {{amount}} with {{method}}',
      scanThis: 'Ask the customer to scan this with {{method}}',
      expiresIn: 'Expires in {{time}}',
      expired: 'Expired'
    },
    status: {
      created: 'Starting the payment…',
      waitScan: 'Waiting for the customer to scan the QR code',
      waitCustomer: 'Waiting for the customer',
      waitCard: 'Present the card on the terminal',
      userPaying: 'The customer is confirming on their phone (entering their payment password)',
      unknown: 'Checking the outcome with {{method}}… Do not charge again until it is known.',
      succeeded: 'Paid',
      failed: 'Declined',
      closed: 'Closed without payment',
      reversed: 'Reversed: the money goes back to the customer'
    },
    progress: 'Payment in progress',
    cancelTender: 'Cancel this payment',
    cancelling: 'Cancelling…',
    tryAgain: 'Try again',
    otherMethod: 'Or choose another method above.',
    tenders: {
      title: 'Payments on this order',
      card: 'card {{pan}}'
    },
    close: {
      back: 'Back to cart',
      blockedPending: 'A payment is still in progress: cancel it first.',
      blockedPaid: '{{paid}} is already paid. Take the remaining {{remaining}} to finish this sale.',
      confirmTitle: 'Cancel order {{number}}?',
      confirmBody:
        'Nothing has been paid. The order is cancelled, its coupons are given back and a new, empty cart starts.',
      keep: 'Keep paying',
      cancelOrder: 'Cancel order',
      cancelled: 'Order {{number}} was cancelled. Start the sale again if the customer still wants the items.'
    },
    notify: {
      paidTitle: 'Order {{number}} paid',
      paidBody: '{{amount}} received',
      tenderOk: '{{method}} payment received',
      tenderFailed: '{{method}} payment not completed',
      tenderBody: '{{amount}} · order {{number}}',
      tenderBodyReason: '{{amount}} · order {{number}} · {{reason}}'
    },
    failures: {
      insufficientFunds: 'Declined: not enough balance',
      wrongPin: 'Declined: wrong PIN',
      qrExpired: 'The QR code expired before it was paid',
      codeInvalid: 'The payment code is invalid or expired: ask for a new one'
    },
    device: {
      open: 'Customer device',
      title: 'Customer device (sandbox)',
      close: 'Close customer device',
      intro: 'Training and demo only: act as the customer for the payments waiting below.',
      none: 'No payment is waiting for the customer.',
      trade: '{{provider}} {{amount}}',
      needs: {
        scan: 'waiting for a scan',
        approve: 'waiting for confirmation',
        password: 'needs the payment password',
        card: 'waiting for a card',
        none: 'nothing to do'
      },
      approve: 'Scan & pay',
      confirm: 'Confirm payment',
      decline: 'Decline',
      password: 'Payment password (6 digits)',
      enterPassword: 'Enter password',
      pan: 'Card number',
      pin: 'PIN',
      presentCard: 'Present card',
      done: '{{tradeNo}}: {{state}}'
    }
  },
  notifications: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    title: 'Notifications',
    none: 'Nothing new',
    markRead: 'Mark all read',
    close: 'Close notifications',
    dismiss: 'Dismiss',
    dayClosed: {
      title: '{{date}} settled',
      // Kept notices hold the count as `orders`: nesting gives it its plural (1 order, 2 orders).
      body: 'Net sales {{netSales}} · $t(notifications.dayClosed.orders, {"count": {{orders}} }) · collected {{collected}} · {{drawer}}',
      orders_one: '{{count}} order',
      orders_other: '{{count}} orders',
      balanced: 'drawer balanced',
      over: 'drawer over {{amount}}',
      short: 'drawer short {{amount}}'
    },
    refundRefused: {
      title: 'Refund {{number}} was refused by {{method}}',
      body: 'Give the money back another way. {{reason}}'
    },
    paymentConflict: {
      title: 'Payment {{tradeNo}} needs checking',
      body: 'Kassa has it as {{ours}}; the provider says {{theirs}}.'
    },
    reconciliationDifferences: {
      title: '{{provider}} reconciliation for {{date}} has differences',
      body: '$t(notifications.reconciliationDifferences.differences, {"count": {{differences}} }) · {{matched}} matched · fees {{fees}} · net payout {{net}}',
      differences_one: '{{count}} difference',
      differences_other: '{{count}} differences'
    }
  }
}

const zhCN: typeof en = {
  payments: {
    payButton: '收款',
    title: {
      cash: '现金收款',
      card: '银行卡收款',
      alipay: '支付宝收款',
      wechat: '微信支付收款'
    },
    methodsLabel: '支付方式',
    methods: { cash: '现金', card: '银行卡', alipay: '支付宝', wechat: '微信支付' },
    unavailable: '不可用',
    offline: '银行卡、支付宝和微信支付暂不可用：{{reason}}。现金收款不受影响。',
    summary: { label: '收款进度', due: '应收', cashDue: '现金应收', paid: '已收', remaining: '还需收' },
    amount: '本次收款金额（{{currency}}）',
    amountHint: '可先收一部分，其余用其他方式支付',
    cashAmount: '现金支付金额（{{currency}}）',
    amountName: '本次收款金额',
    cashAmountName: '现金支付金额',
    cashReceived: '实收现金（{{currency}}）',
    cashReceivedHint: '顾客付整额时可留空',
    takeCash: '收取现金',
    card: {
      instructions: '请顾客在刷卡机上刷卡、插卡或挥卡，并在刷卡机上输入密码。',
      start: '刷卡机收款'
    },
    wallet: {
      flowLabel: '顾客付款方式',
      customerCode: '扫顾客付款码',
      merchantQr: '顾客扫码',
      codeLabel: '顾客付款码',
      codeHint: '扫描顾客手机上的付款码，扫码枪会自动回车',
      charge: '收款',
      showQr: '显示收款码',
      qrAlt: '用{{method}}支付 {{amount}} 的二维码',
      scanThis: '请顾客用{{method}}扫描此码',
      expiresIn: '{{time}} 后失效',
      expired: '已失效'
    },
    status: {
      created: '正在发起支付…',
      waitScan: '等待顾客扫码',
      waitCustomer: '等待顾客付款',
      waitCard: '请在刷卡机上刷卡',
      userPaying: '顾客正在手机上确认（输入支付密码）',
      unknown: '正在向{{method}}查询结果… 结果明确前请勿重复收款。',
      succeeded: '已支付',
      failed: '支付失败',
      closed: '已关闭，未付款',
      reversed: '已撤销，款项将退回顾客'
    },
    progress: '正在收款',
    cancelTender: '取消本次支付',
    cancelling: '正在取消…',
    tryAgain: '重试',
    otherMethod: '或在上方选择其他支付方式。',
    tenders: {
      title: '本单支付明细',
      card: '卡号 {{pan}}'
    },
    close: {
      back: '返回购物车',
      blockedPending: '还有一笔支付正在进行，请先取消。',
      blockedPaid: '已收 {{paid}}。请收取剩余的 {{remaining}} 完成本单。',
      confirmTitle: '取消订单 {{number}}？',
      confirmBody: '尚未收到任何款项。订单将被取消，优惠券退回，并开始一个新的空购物车。',
      keep: '继续收款',
      cancelOrder: '取消订单',
      cancelled: '订单 {{number}} 已取消。如顾客仍要购买，请重新扫码。'
    },
    notify: {
      paidTitle: '订单 {{number}} 已支付',
      paidBody: '收款 {{amount}}',
      tenderOk: '{{method}}收款成功',
      tenderFailed: '{{method}}收款未完成',
      tenderBody: '{{amount}} · 订单 {{number}}',
      tenderBodyReason: '{{amount}} · 订单 {{number}} · {{reason}}'
    },
    failures: {
      insufficientFunds: '已拒绝：余额不足',
      wrongPin: '已拒绝：密码错误',
      qrExpired: '二维码在付款前已过期',
      codeInvalid: '付款码无效或已过期：请顾客刷新付款码'
    },
    device: {
      open: '顾客设备',
      title: '顾客设备（沙箱）',
      close: '关闭顾客设备',
      intro: '仅用于培训和演示：模拟顾客完成下列待付款交易。',
      none: '没有等待顾客操作的支付。',
      trade: '{{provider}} {{amount}}',
      needs: {
        scan: '等待扫码',
        approve: '等待确认',
        password: '需要支付密码',
        card: '等待刷卡',
        none: '无需操作'
      },
      approve: '扫码并支付',
      confirm: '确认支付',
      decline: '拒绝',
      password: '支付密码（6 位）',
      enterPassword: '输入密码',
      pan: '卡号',
      pin: '密码',
      presentCard: '刷卡',
      done: '{{tradeNo}}：{{state}}'
    }
  },
  notifications: {
    bell: '通知',
    bellUnread: '通知，{{count}} 条未读',
    title: '通知',
    none: '暂无新通知',
    markRead: '全部标为已读',
    close: '关闭通知',
    dismiss: '关闭',
    dayClosed: {
      title: '{{date}} 已日结',
      body: '净销售额 {{netSales}} · $t(notifications.dayClosed.orders, {"count": {{orders}} }) · 实收 {{collected}} · {{drawer}}',
      orders_one: '{{count}} 笔订单',
      orders_other: '{{count}} 笔订单',
      balanced: '钱箱无长短款',
      over: '钱箱长款 {{amount}}',
      short: '钱箱短款 {{amount}}'
    },
    refundRefused: {
      title: '退款 {{number}} 被{{method}}拒绝',
      body: '请用其他方式退还顾客。{{reason}}'
    },
    paymentConflict: {
      title: '支付 {{tradeNo}} 需要核对',
      body: 'Kassa 记录为 {{ours}}，支付机构返回 {{theirs}}。'
    },
    reconciliationDifferences: {
      title: '{{date}} {{provider}}对账有差异',
      body: '$t(notifications.reconciliationDifferences.differences, {"count": {{differences}} }) · {{matched}} 笔相符 · 手续费 {{fees}} · 结算净额 {{net}}',
      differences_one: '{{count}} 笔差异',
      differences_other: '{{count}} 笔差异'
    }
  }
}

export const paymentsMessages = defineMessages(en, zhCN)
