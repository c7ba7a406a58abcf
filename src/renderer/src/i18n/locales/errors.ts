import { ACCOUNT_MESSAGES, CATALOG_MESSAGES } from '@shared/contract'
import { VALIDATION_MESSAGES } from '@shared/validation/messages'
import { defineMessages } from '../messages'

/**
 * Every refusal main can send, by its key (`ApiError.key`). The English of the shared reason
 * tables (validation, accounts, catalog) is those tables themselves, so it is written once; the
 * refusals worded in main's services have their English here. A feature may also keep its own
 * `errors.<area>` section in its own locale file: sections merge. `test/unit/i18n/error-keys.test.ts`
 * fails when a key raised anywhere in main has no text here in either language.
 */
const en = {
  errors: {
    withField: '{{field}}: {{text}}',
    validation: VALIDATION_MESSAGES,
    accounts: ACCOUNT_MESSAGES,
    catalog: {
      ...CATALOG_MESSAGES,
      noSuchCode: 'No product has the barcode or SKU {{code}}',
      notOnSale: '{{name}} ({{sku}}) is not on sale',
      barcodeTakenBy: '{{code}} is already used by another product ({{other}})',
      missingColumns: 'The file misses the columns {{missing}} (the header must name {{columns}})',
      importRefused:
        'Line {{line}}, {{column}} is refused (and {{more}} more problems); nothing was imported',
      noValidRows: 'No valid rows to import; nothing was imported',
      repeatedSku: 'appears again (first on line {{line}})',
      repeatedBarcode: '{{code}} is also on line {{line}}',
      unknownCategoryLong:
        "no such category; use a category's code or name, or a new code of letters and digits"
    },
    notFound: {
      order: 'That order was not found',
      orderLine: 'That line of the order was not found',
      cart: 'That cart was not found',
      cartLine: 'That line of the cart was not found',
      coupon: 'That coupon was not found',
      couponOnCart: 'That coupon is not on this cart',
      product: 'That product was not found',
      shift: 'That shift was not found',
      tender: 'That payment was not found',
      user: 'That person was not found'
    },
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
      endsBeforeStart: 'must not be before the first valid day',
      amountAboveMinSpend: 'must not be more than the minimum spend, {{minSpend}}'
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
    },
    shift: {
      notOpen: 'No shift is open on till {{terminal}}: open a shift with a counted float before selling',
      alreadyOpen: 'Shift {{shift}} is already open on this till',
      alreadyClosed: 'Shift {{shift}} is already closed; a closed shift is never reopened',
      moreThanDrawer: 'is more than the {{amount}} the drawer should hold'
    },
    settlement: {
      dayNotBegun: 'is a day that has not begun yet',
      alreadySettled: '{{date}} is already settled; a settled day never changes',
      shiftsOpen: 'Close every shift first: {{shifts}} still open'
    },
    reconciliation: {
      billUnavailable: 'The bill for {{date}} could not be fetched: {{reason}}',
      notABill: 'This file cannot be read as a bill of this payment channel',
      billNoHeader:
        "Line {{line}} is not the bill's header row (no column {{column}}): pick the trade bill of this payment channel",
      billNoColumn: 'The bill has no column {{column}}: pick the trade bill of this payment channel',
      billCell: 'Line {{line}}, column {{column}}: "{{value}}" is not an amount',
      billZip: 'The zip file cannot be opened',
      billZipNoDetail: 'The zip file holds no trade detail (业务明细) CSV',
      billNoTotal: 'The bill summary (汇总) has no 合计 row',
      billSummaryMismatch: "The summary's {{column}} does not match the detail: the bill is incomplete",
      rowTime: 'Row {{row}} of the bill has no readable time ({{time}})',
      rowTradeNo: 'Row {{row}} of the bill has no merchant order number',
      otherDay: 'The file holds business of {{day}}: it is not the bill for {{date}}'
    },
    settings: {
      currencyInUse: 'The currency cannot change once sales have been made in {{currency}}'
    },
    approval: {
      needed: 'A manager must approve this'
    }
  },
  /** How a refused field is named on screen: the last name of its path, and its row. */
  fields: {
    inRow: '{{name}} (line {{n}})',
    quantity: 'Quantity',
    amount: 'Amount',
    tendered: 'Amount received',
    code: 'Code',
    cartId: 'Cart',
    lineId: 'Line',
    lines: 'Lines',
    orderId: 'Order',
    date: 'Date',
    username: 'Username',
    password: 'Password',
    pin: 'PIN',
    currentPassword: 'Current password',
    displayName: 'Name',
    role: 'Role',
    active: 'Active',
    sku: 'SKU',
    barcodes: 'Barcodes',
    price: 'Price',
    unitPrice: 'Unit price',
    taxRate: 'Tax rate',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    unit: 'Unit',
    categoryId: 'Category',
    category: 'Category',
    reason: 'Reason',
    note: 'Note',
    counts: 'Count',
    other: 'Other amount',
    shift: 'Shift',
    shiftId: 'Shift',
    currency: 'Currency',
    cashIncrement: 'Cash rounding',
    authCode: 'Payment code',
    flow: 'How to pay',
    method: 'Payment method',
    rate: 'Rate',
    type: 'Type',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    minimumSpend: 'Minimum spend',
    usageLimit: 'Usage limit',
    rating: 'Rating',
    comment: 'Comment',
    fileBase64: 'File',
    csv: 'File',
    provider: 'Provider',
    discount: 'Discount',
    status: 'Status'
  }
}

export const errorMessages = defineMessages(en, {
  errors: {
    withField: '{{field}}：{{text}}',
    validation: {
      invalid: '无效',
      required: '必须填写',
      notAnObject: '格式不对（应为对象）',
      notAnArray: '格式不对（应为列表）',
      notAString: '必须是文字',
      notANumber: '必须是数字',
      notABoolean: '必须是“是”或“否”',
      wrongType: '类型不对',
      empty: '不能为空',
      unknownField: '不是可识别的字段',
      unknownCurrency: '必须是已知的 ISO 4217 币种代码，例如 "CNY"',
      unknownCurrencyCode: '未知币种',
      unsupportedLocale: '不支持的语言',
      roundingMode: '必须是 "half-up"（四舍五入）或 "half-even"（银行家舍入）',
      cashRoundingMode: '必须是 "half-up"（四舍五入）或 "down"（抹零）',
      taxMode: '必须是 "inclusive"（含税）或 "exclusive"（不含税）',
      discountType: '必须是 "rate"（折扣率）或 "amount"（金额）',
      notPositive: '必须大于 0',
      quantityDecimals: '最多 3 位小数',
      rateRange: '必须在 0 到 1 之间',
      notADecimal: '必须是数字，例如 "12.50"',
      decimalExample: '必须是数字，例如 {{example}}',
      tooLarge: '数值太大',
      negative: '不能为负数',
      wholeNumber: '必须是整数',
      wholeNumberFor: '{{currency}} 只能是整数',
      tooManyDecimalsFor: '{{currency}} 最多 {{digits}} 位小数',
      tooManyDigitsFor: '小数位数超过 {{currency}} 允许的位数',
      dateFormat: '必须是日期，例如 {{example}}',
      timeZoneExample: '必须是时区，例如 {{example}}（地区/城市）',
      notBefore: '不能早于 {{other}}',
      range: '必须在 {{minimum}} 到 {{maximum}} 之间',
      atLeastOrMore: '必须大于或等于 {{minimum}}',
      digits: '必须是 {{count}} 位数字',
      paymentCodeFormat: '必须是 16–24 位付款码数字',
      paymentCodeRequired: '必须填写：请扫描顾客的付款码',
      codeFormat: '请用 {{minimum}} 到 {{maximum}} 个字母、数字、横线或下划线',
      uniqueKey: '每次{{what}}须用一个新的唯一键',
      fileEmpty: '文件是空的',
      fileTooLarge: '文件大于 {{size}}',
      fileOrText: '请上传文件或粘贴文本（二选一）',
      linesOrAmount: '请选择退款商品行或填写金额（二选一）',
      runOrDay: '请给出对账编号，或日期和支付渠道',
      chooseFlow: '请选择扫码方式：顾客扫码或扫顾客付款码',
      chooseLine: '至少选择一行',
      tooShort: '至少 {{minimum}} 个字符',
      tooLong: '最多 {{maximum}} 个字符',
      tooFew: '至少 {{minimum}} 项',
      tooMany: '最多 {{maximum}} 项',
      tooSmall: '不能小于 {{minimum}}',
      tooBig: '不能大于 {{maximum}}',
      format: '格式不对',
      oneOf: '必须是 {{options}} 之一'
    },
    accounts: {
      passwordTooShort: '至少需要 8 个字符',
      passwordAllDigits: '不能全是数字',
      passwordIsUsername: '不能与用户名相同',
      passwordTooLong: '最多 128 个字符',
      pinFormat: '必须是 4–6 位数字',
      usernameFormat: '请使用 3–32 位字母、数字、点、连字符或下划线',
      usernameTaken: '已被占用',
      displayNameRequired: '不能为空',
      displayNameTooLong: '最多 60 个字符',
      wrongCredentials: '用户名或密码错误',
      wrongPassword: '密码错误',
      wrongPin: 'PIN 码错误',
      currentPasswordRequired: '修改密码或 PIN 码需要输入当前密码',
      accountLocked: '失败次数过多，该账户已锁定几分钟',
      accountDeactivated: '该账户已停用，请联系店主',
      lastOwner: '最后一位在职店主必须保留店主身份且不能停用',
      setupDone: '初始设置已完成',
      setupRequired: '请先完成初始设置',
      notLoggedIn: '请先登录',
      notLocked: '收银台未锁定',
      tillLocked: '收银台已锁定，请输入 PIN 码解锁',
      approverCannot: '此人无权授权该操作',
      cannotApproveSelf: '需要由其他人授权',
      notOverridable: '该操作不能由他人授权',
      noSession: '会话已失效，请重新加载应用',
      sessionExpired: '会话已过期，请刷新页面',
      roleMayNot: '{{role}} 无权执行此操作（需要 {{permission}} 权限）'
    },
    catalog: {
      required: '必须填写',
      empty: '不能为空',
      skuFormat: '请用 1 到 40 个字符，不含空格、逗号或 |',
      barcodeFormat: '请用 1 到 32 个字母、数字、点、横线或下划线',
      barcodeRepeated: '同一个条码填了两次',
      tooManyBarcodes: '最多 20 个条码',
      nameTooLong: '最多 120 个字',
      priceFormat: '必须是数字，例如 "12.50"',
      priceNegative: '不能为负数',
      taxRateFormat: '税率须在 0 到 1 之间（不含 1），最多 4 位小数，例如 0.13',
      unit: '必须是 piece（件）或 kg（千克）',
      categoryCode: '请用 1 到 20 个字母、数字、横线或下划线',
      sortOrder: '必须是 0 到 9999 的整数',
      skuTaken: '已被其他商品使用',
      barcodeTaken: '已被其他商品使用',
      categoryCodeTaken: '已被其他分类使用',
      unknownCategory: '没有这个分类',
      active: '必须是 true 或 false（也可以 yes/no、1/0、是/否）',
      noSuchCode: '没有条码或货号为 {{code}} 的商品',
      notOnSale: '{{name}}（{{sku}}）已下架',
      barcodeTakenBy: '条码 {{code}} 已被其他商品使用（{{other}}）',
      missingColumns: '文件缺少列 {{missing}}（表头须包含 {{columns}}）',
      importRefused: '第 {{line}} 行 {{column}} 有误（另有 {{more}} 处问题），未导入任何内容',
      noValidRows: '没有可导入的有效行，未导入任何内容',
      repeatedSku: '货号重复（第 {{line}} 行已出现）',
      repeatedBarcode: '条码 {{code}} 在第 {{line}} 行也出现了',
      unknownCategoryLong: '没有这个分类；请填分类代码或名称，或用字母数字填一个新分类代码',
      scaleCode: '请填 4 到 6 位数字，与电子秤上的商品码一致',
      scaleCodeTaken: '已是其他商品的秤码'
    },
    notFound: {
      order: '找不到该订单',
      orderLine: '找不到该订单行',
      cart: '找不到该购物车',
      cartLine: '找不到该购物车商品行',
      coupon: '找不到该优惠券',
      couponOnCart: '该优惠券不在此购物车上',
      product: '找不到该商品',
      shift: '找不到该班次',
      tender: '找不到该笔支付',
      user: '找不到该人员'
    },
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
      endsBeforeStart: '不能早于生效日期',
      amountAboveMinSpend: '不能高于最低消费 {{minSpend}}'
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
    },
    shift: {
      notOpen: '收银台 {{terminal}} 没有开班：请先清点备用金并开班再销售',
      alreadyOpen: '班次 {{shift}} 已在本收银台开班',
      alreadyClosed: '班次 {{shift}} 已结班，结班后不能重开',
      moreThanDrawer: '超过钱箱应有的 {{amount}}'
    },
    settlement: {
      dayNotBegun: '这一天还没有开始',
      alreadySettled: '{{date}} 已日结，日结后的营业日不能更改',
      shiftsOpen: '请先结班：{{shifts}} 仍在营业'
    },
    reconciliation: {
      billUnavailable: '无法获取 {{date}} 的对账单：{{reason}}',
      notABill: '无法把该文件读作此支付渠道的账单',
      billNoHeader: '第 {{line}} 行不是账单的表头（没有 {{column}} 列）：请选择此支付渠道的交易账单',
      billNoColumn: '账单没有 {{column}} 列：请选择此支付渠道的交易账单',
      billCell: '第 {{line}} 行 {{column}} 列：“{{value}}”不是金额',
      billZip: '无法打开该 zip 文件',
      billZipNoDetail: '该 zip 文件里没有业务明细 CSV',
      billNoTotal: '账单汇总里没有“合计”行',
      billSummaryMismatch: '汇总的 {{column}} 与明细不一致：账单不完整',
      rowTime: '对账单第 {{row}} 行没有可识别的时间（{{time}}）',
      rowTradeNo: '对账单第 {{row}} 行没有商户订单号',
      otherDay: '该文件是 {{day}} 的交易，不是 {{date}} 的对账单'
    },
    settings: {
      currencyInUse: '已有以 {{currency}} 结算的销售，币种不能再更改'
    },
    approval: {
      needed: '此操作需要店长授权'
    }
  },
  fields: {
    inRow: '第 {{n}} 行{{name}}',
    quantity: '数量',
    amount: '金额',
    tendered: '实收金额',
    code: '编码',
    cartId: '购物车',
    lineId: '商品行',
    lines: '商品行',
    orderId: '订单',
    date: '日期',
    username: '用户名',
    password: '密码',
    pin: 'PIN 码',
    currentPassword: '当前密码',
    displayName: '姓名',
    role: '角色',
    active: '启用',
    sku: '货号',
    barcodes: '条码',
    price: '价格',
    unitPrice: '单价',
    taxRate: '税率',
    nameZh: '中文名称',
    nameEn: '英文名称',
    unit: '单位',
    categoryId: '分类',
    category: '分类',
    reason: '原因',
    note: '备注',
    counts: '清点',
    other: '其他金额',
    shift: '班次',
    shiftId: '班次',
    currency: '币种',
    cashIncrement: '现金舍入',
    authCode: '付款码',
    flow: '扫码方式',
    method: '支付方式',
    rate: '折扣率',
    type: '类型',
    validFrom: '生效日期',
    validTo: '截止日期',
    minimumSpend: '最低消费',
    usageLimit: '使用次数上限',
    rating: '评分',
    comment: '评价',
    fileBase64: '文件',
    csv: '文件',
    provider: '支付渠道',
    discount: '折扣',
    status: '状态'
  }
})
