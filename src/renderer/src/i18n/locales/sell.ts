import { defineMessages } from '../messages'

const en = {
  sell: {
    title: 'Sell',
    scanLabel: 'Scan a barcode or search',
    scanPlaceholder: 'Scan, or type a name, SKU or barcode…',
    scanHint: 'Enter adds an exact barcode or SKU',
    cart: 'Cart',
    emptyCart: 'Scan an item to start a sale',
    emptyCartHint: 'A scanner works anywhere on this screen.',
    columns: { item: 'Item', quantity: 'Qty', price: 'Price', discount: 'Discount', total: 'Total' },
    perKg: '/kg',
    // A weight's unit, beside the figure (the cart, the receipt): in the screen's language.
    unitKg: 'kg',
    overridden: 'price changed',
    // What the catalog did since the line was rung up; the line keeps its own price (README "Selling").
    catalogChange: {
      price: 'now {{price}}',
      priceHint:
        'Rung up at {{was}}, as the customer was shown, and charged so. The shelf price is now {{price}}: a new scan sells at {{price}}; to charge {{price}} for these too, remove this line and scan them again.',
      taxRate: 'tax now {{rate}}%',
      taxRateHint:
        'Rung up at a tax rate of {{was}}%; the product is now at {{rate}}%. A new scan uses the new rate.',
      offSale: 'off sale',
      offSaleHint:
        'Taken off sale after it was rung up: this line can be paid as it is or removed, but no more of it can be added.'
    },
    line: {
      title: 'Selected line',
      none: 'Select a line to change it',
      quantity: 'Quantity',
      quantityKg: 'Weight (kg)',
      setQuantity: 'Set',
      quantityMissing: 'Enter a quantity',
      discountType: 'Line discount',
      discountNone: 'None',
      discountRate: 'Percent off',
      discountAmount: 'Amount off',
      discountValue: 'Discount value',
      applyDiscount: 'Apply discount',
      price: 'Unit price',
      overridePrice: 'Change price',
      remove: 'Remove line',
      removeKey: 'Del'
    },
    coupon: {
      label: 'Coupon code',
      apply: 'Apply',
      remove: 'Remove coupon {{code}}',
      notApplied: 'not applied: spend more'
    },
    totals: {
      title: 'Totals',
      gross: 'Items',
      lineDiscounts: 'Line discounts',
      coupons: 'Coupons',
      tax: 'Tax included',
      taxExclusive: 'Tax',
      payable: 'To pay',
      cashRounding: 'Cash rounding',
      cashPayable: 'Cash',
      items_one: '{{count}} item',
      items_other: '{{count}} items'
    },
    actions: {
      pay: 'Pay cash',
      park: 'Park',
      parked: 'Parked ({{count}})',
      discard: 'Clear cart',
      discardConfirm: 'Clear this cart? Its items are removed.'
    },
    parkedDialog: {
      title: 'Parked carts',
      none: 'No parked carts',
      resume: 'Resume',
      close: 'Back to the sale',
      items_one: '{{count}} line',
      items_other: '{{count}} lines',
      note: 'Note (optional)'
    },
    pay: {
      title: 'Cash payment',
      due: 'Amount due',
      tendered: 'Cash received',
      exact: 'Exact',
      quick: 'Quick amounts',
      change: 'Change',
      short: 'Short by {{amount}}',
      confirm: 'Take payment',
      cancel: 'Back to cart'
    },
    done: {
      title: 'Paid',
      change: 'Give change',
      noChange: 'No change due',
      order: 'Order {{number}}',
      print: 'Print receipt',
      pdf: 'Save as PDF',
      savedTo: 'Saved to {{file}}',
      next: 'Next customer'
    },
    grid: {
      title: 'Products',
      all: 'All',
      search: 'Search results',
      none: 'No products found'
    },
    override: {
      title: 'Manager approval',
      body: 'Changing a price needs a manager. Ask a manager to enter their username and PIN.'
    },
    notices: {
      parked: 'Cart parked',
      unknownCode: 'Unknown code {{code}}'
    },
    keys: 'F2 search · F4 park · F8 coupon · Del remove line · F12 pay'
  },
  refund: {
    title: 'Refund',
    doneTitle: 'Refund {{number}}',
    mode: 'Refund by',
    byLines: 'Lines',
    byAmount: 'Amount',
    item: 'Item',
    leftColumn: 'Left to refund',
    quantity: 'Refund quantity',
    quantityOf: 'Refund quantity of {{name}}',
    amount: 'Amount to refund ({{currency}})',
    reason: 'Reason',
    left: '{{amount}} left to refund',
    threshold: 'a manager approves refunds above {{amount}}',
    cashAny: 'a cashier paying cash out of the drawer needs a manager’s PIN',
    cashAbove: 'a cashier paying out more than {{amount}} in cash needs a manager’s PIN',
    confirm: 'Refund',
    cancel: 'Cancel',
    giveBack: 'Give back in cash',
    noCashBack: 'No cash to give back: the refund goes back the way it was paid',
    print: 'Print refund slip',
    close: 'Done',
    slip: 'Refund slip',
    slipTitle: 'REFUND',
    number: 'Refund no.',
    by: 'Refunded by',
    approvedBy: 'Approved by',
    total: 'Refunded',
    backTo: 'Back to {{method}}',
    history: 'Refunds',
    button: 'Refund'
  },
  receipt: {
    title: 'Receipt',
    order: 'Order',
    cashier: 'Cashier',
    time: 'Time',
    terminal: 'Till',
    subtotal: 'Items',
    discounts: 'Discounts',
    coupon: 'Coupon {{code}}',
    tax: 'incl. tax {{rate}}',
    taxExclusive: 'Tax {{rate}}',
    total: 'Total',
    cashRounding: 'Cash rounding',
    tendered: 'Paid ({{method}})',
    change: 'Change',
    thanks: 'Thank you for shopping with us',
    methods: { cash: 'cash', card: 'card', alipay: 'Alipay', wechat: 'WeChat Pay' },
    voided: 'VOIDED'
  },
  orders: {
    title: 'Orders',
    subtitle: 'Every sale, newest first. Reprint a receipt or void a sale of today.',
    number: 'Order number',
    from: 'From',
    to: 'To',
    minTotal: 'Min amount',
    maxTotal: 'Max amount',
    status: 'Status',
    anyStatus: 'Any status',
    cashier: 'Cashier',
    anyCashier: 'Anyone',
    search: 'Search',
    clear: 'Clear',
    results_one: '{{count}} order',
    results_other: '{{count}} orders',
    none: 'No orders match',
    columns: {
      number: 'Number',
      time: 'Time',
      cashier: 'Cashier',
      items: 'Lines',
      total: 'Total',
      status: 'Status'
    },
    statuses: {
      draft: 'Cart',
      awaiting_payment: 'Awaiting payment',
      paid: 'Paid',
      cancelled: 'Cancelled',
      voided: 'Voided',
      partially_refunded: 'Partly refunded',
      refunded: 'Refunded'
    },
    detail: {
      title: 'Order {{number}}',
      pick: 'Select an order to see it',
      reprint: 'Reprint receipt',
      void: 'Void sale',
      voidReason: 'Reason for voiding',
      voidConfirm: 'Void this sale',
      voidTitle: 'Void order {{number}}',
      voidBody: 'The sale is reversed in the books and the cash is expected back out of the drawer.',
      cancel: 'Keep it',
      voidedBecause: 'Voided: {{reason}}'
    }
  }
}

const zhCN: typeof en = {
  sell: {
    title: '收银',
    scanLabel: '扫码或搜索',
    scanPlaceholder: '扫码，或输入品名、货号、条码…',
    scanHint: '回车添加完全匹配的条码或货号',
    cart: '购物车',
    emptyCart: '扫描商品开始收银',
    emptyCartHint: '在本页面任意位置扫码均可。',
    columns: { item: '商品', quantity: '数量', price: '单价', discount: '优惠', total: '小计' },
    perKg: '/公斤',
    unitKg: '公斤',
    overridden: '已改价',
    catalogChange: {
      price: '现价 {{price}}',
      priceHint:
        '按 {{was}} 录入，顾客看到的也是此价，结账按此价收取。商品现价为 {{price}}：再次扫码按 {{price}} 销售；若这几件也要按 {{price}} 收，请删除此行后重新扫码。',
      taxRate: '税率现为 {{rate}}%',
      taxRateHint: '录入时税率为 {{was}}%，商品现为 {{rate}}%。再次扫码按新税率。',
      offSale: '已下架',
      offSaleHint: '录入后已下架：此行可照常结账或删除，但不能再添加。'
    },
    line: {
      title: '当前行',
      none: '选择一行进行修改',
      quantity: '数量',
      quantityKg: '重量（公斤）',
      setQuantity: '确定',
      quantityMissing: '请输入数量',
      discountType: '单品优惠',
      discountNone: '无',
      discountRate: '按比例',
      discountAmount: '按金额',
      discountValue: '优惠值',
      applyDiscount: '应用优惠',
      price: '单价',
      overridePrice: '改价',
      remove: '删除此行',
      removeKey: 'Del'
    },
    coupon: {
      label: '优惠券码',
      apply: '使用',
      remove: '移除优惠券 {{code}}',
      notApplied: '未生效：未达满减门槛'
    },
    totals: {
      title: '合计',
      gross: '商品金额',
      lineDiscounts: '单品优惠',
      coupons: '优惠券',
      tax: '其中税额',
      taxExclusive: '税额',
      payable: '应收',
      cashRounding: '现金抹零',
      cashPayable: '现金应收',
      items_one: '共 {{count}} 件',
      items_other: '共 {{count}} 件'
    },
    actions: {
      pay: '现金收款',
      park: '挂单',
      parked: '取单（{{count}}）',
      discard: '清空',
      discardConfirm: '清空购物车？其中商品将被移除。'
    },
    parkedDialog: {
      title: '挂起的购物车',
      none: '没有挂单',
      resume: '取回',
      close: '返回收银',
      items_one: '{{count}} 行',
      items_other: '{{count}} 行',
      note: '备注（可选）'
    },
    pay: {
      title: '现金收款',
      due: '应收金额',
      tendered: '实收现金',
      exact: '整额',
      quick: '快捷金额',
      change: '找零',
      short: '还差 {{amount}}',
      confirm: '确认收款',
      cancel: '返回购物车'
    },
    done: {
      title: '收款成功',
      change: '请找零',
      noChange: '无需找零',
      order: '订单 {{number}}',
      print: '打印小票',
      pdf: '保存为 PDF',
      savedTo: '已保存到 {{file}}',
      next: '下一位顾客'
    },
    grid: {
      title: '商品',
      all: '全部',
      search: '搜索结果',
      none: '未找到商品'
    },
    override: {
      title: '店长授权',
      body: '改价需要店长授权。请店长输入用户名和 PIN。'
    },
    notices: {
      parked: '已挂单',
      unknownCode: '未知条码 {{code}}'
    },
    keys: 'F2 搜索 · F4 挂单 · F8 优惠券 · Del 删除行 · F12 收款'
  },
  refund: {
    title: '退款',
    doneTitle: '退款 {{number}}',
    mode: '退款方式',
    byLines: '按商品',
    byAmount: '按金额',
    item: '商品',
    leftColumn: '可退',
    quantity: '退货数量',
    quantityOf: '{{name}} 的退货数量',
    amount: '退款金额（{{currency}}）',
    reason: '原因',
    left: '可退 {{amount}}',
    threshold: '超过 {{amount}} 的退款需店长授权',
    cashAny: '收银员从钱箱退现金需店长输入 PIN',
    cashAbove: '收银员退现金超过 {{amount}} 需店长输入 PIN',
    confirm: '确认退款',
    cancel: '取消',
    giveBack: '请退还现金',
    noCashBack: '无需退还现金：按原支付方式退回',
    print: '打印退款单',
    close: '完成',
    slip: '退款单',
    slipTitle: '退款',
    number: '退款单号',
    by: '经办人',
    approvedBy: '授权人',
    total: '退款金额',
    backTo: '退回{{method}}',
    history: '退款记录',
    button: '退款'
  },
  receipt: {
    title: '小票',
    order: '单号',
    cashier: '收银员',
    time: '时间',
    terminal: '收银台',
    subtotal: '商品金额',
    discounts: '优惠',
    coupon: '优惠券 {{code}}',
    tax: '含税 {{rate}}',
    taxExclusive: '税额 {{rate}}',
    total: '合计',
    cashRounding: '现金抹零',
    tendered: '实收（{{method}}）',
    change: '找零',
    thanks: '谢谢惠顾，欢迎再次光临',
    methods: { cash: '现金', card: '银行卡', alipay: '支付宝', wechat: '微信支付' },
    voided: '已作废'
  },
  orders: {
    title: '订单',
    subtitle: '全部销售，最新在前。可补打小票，或作废当天的销售。',
    number: '单号',
    from: '起始日期',
    to: '截止日期',
    minTotal: '最低金额',
    maxTotal: '最高金额',
    status: '状态',
    anyStatus: '全部状态',
    cashier: '收银员',
    anyCashier: '全部',
    search: '查询',
    clear: '清除',
    results_one: '共 {{count}} 单',
    results_other: '共 {{count}} 单',
    none: '没有符合条件的订单',
    columns: {
      number: '单号',
      time: '时间',
      cashier: '收银员',
      items: '行数',
      total: '金额',
      status: '状态'
    },
    statuses: {
      draft: '购物车',
      awaiting_payment: '待支付',
      paid: '已支付',
      cancelled: '已取消',
      voided: '已作废',
      partially_refunded: '部分退款',
      refunded: '已退款'
    },
    detail: {
      title: '订单 {{number}}',
      pick: '选择一个订单查看详情',
      reprint: '补打小票',
      void: '作废',
      voidReason: '作废原因',
      voidConfirm: '确认作废',
      voidTitle: '作废订单 {{number}}',
      voidBody: '该笔销售将在账上冲回，钱箱中的现金应相应取出。',
      cancel: '不作废',
      voidedBecause: '已作废：{{reason}}'
    }
  }
}

export const sellMessages = defineMessages(en, zhCN)
