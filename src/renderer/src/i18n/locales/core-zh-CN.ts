import type { Messages } from '../messages'
import type { coreEn } from './core-en'

export const coreZhCN: Messages<typeof coreEn> = {
  app: {
    name: 'Kassa',
    tagline: '收银与结算',
    loading: '正在启动 Kassa…'
  },
  nav: {
    label: '主导航',
    sell: '收银',
    orders: '订单',
    settlement: '结算',
    products: '商品',
    coupons: '优惠券',
    settings: '设置',
    users: '员工',
    profile: '我的资料'
  },
  language: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English'
  },
  comingSoon: {
    title: '即将推出',
    sell: '扫码、加购、收款、打印小票——全程键盘即可完成。',
    orders: '当天全部订单，可按单号、金额、收银员查找，支持补打小票与退款。',
    settlement: '清点钱箱、日结，并与支付渠道的对账单核对。',
    products: '商品目录：商品、条码、价格、税率，支持 CSV 导入。'
  },
  settings: {
    title: '门店设置',
    subtitle: '门店在小票上的显示方式，以及每笔交易遵循的金额规则。',
    sectionStore: '门店',
    sectionMoney: '金额规则',
    storeName: '门店名称',
    currency: '币种',
    locale: '数字与日期格式',
    rounding: '舍入方式',
    roundingHint: '每个金额只舍入一次，绝不重复舍入。',
    rounding_half_up: '四舍五入',
    rounding_half_even: '银行家舍入（四舍六入五成双）',
    taxMode: '标价方式',
    taxMode_inclusive: '含税价（价内税）',
    taxMode_exclusive: '不含税价（结账时加税）',
    cashIncrement: '现金抹零',
    cashIncrementHint: '纯现金交易按此步长舍入，差额单独记账，绝不藏进商品行。',
    cashRoundingMode: '现金取整方式',
    cashRoundingModeHint: '现金合计如何取到上面的单位。这类销售的退款按同样方式取整。',
    cashRoundingMode_half_up: '四舍五入到最近的单位',
    cashRoundingMode_down: '抹零（向下取整，让利顾客）',
    timeZone: '时区',
    timeZoneFromHq: '由总部为 {{store}} 设置：门店的每台收银机都按此时区划分营业日。',
    timeZoneHint: '营业日、时段和打印的时间都按此时区，与电脑时钟无关。',
    timeZoneConfirm: '仍然改为 {{zone}}',
    scale: {
      title: '电子秤条码',
      hint: '电子秤打印的条码（以 20–29 开头的 EAN-13）含商品秤码及重量或金额。',
      none: '没有格式：不识别电子秤条码。',
      layoutName: '格式 {{n}}',
      prefixes: '前缀',
      content: '内容',
      content_weight: '重量（克）',
      content_price: '金额（分）',
      itemDigits: '秤码位数',
      valueCheckDigit: '金额校验位',
      pattern: '条码格式',
      remove: '删除{{name}}',
      add: '添加格式'
    },
    cashIncrement_none: '不抹零——精确到分',
    example: '示例',
    save: '保存设置',
    saving: '正在保存…',
    saved: '设置已保存',
    discard: '放弃修改',
    unsaved: '有未保存的修改',
    loadFailed: '无法读取设置'
  },
  locales: {
    'zh-CN': '中文（中国大陆）',
    'zh-HK': '中文（香港）',
    'zh-TW': '中文（台湾）',
    'en-US': '英语（美国）',
    'en-GB': '英语（英国）',
    'ja-JP': '日语'
  },
  currencies: {
    CNY: '人民币',
    HKD: '港元',
    USD: '美元',
    EUR: '欧元',
    GBP: '英镑',
    JPY: '日元',
    KRW: '韩元',
    KWD: '科威特第纳尔',
    BHD: '巴林第纳尔'
  },
  errors: {
    VALIDATION: '请检查标出的字段。',
    NOT_FOUND: '未找到。',
    CONFLICT: '与现有数据冲突。',
    UNAUTHENTICATED: '请先登录。',
    FORBIDDEN: '您没有执行此操作的权限。',
    UNAVAILABLE: '暂时不可用。',
    INTERNAL: '出了点问题，未保存任何内容。',
    import: {
      empty: '文件是空的。',
      missingColumns: '文件缺少 {{columns}} 列。第一行必须写明列名。',
      undecodable:
        '第 {{line}} 行有无法按 {{encoding}} 读取的字符。请把文件另存为“CSV UTF-8”（或 GBK）后重试。',
      notBase64: '文件内容无法读取（不是 base64 编码）。请重新选择文件。',
      utf16NoBom: '文件看起来是没有字节序标记的 UTF-16 文本。请另存为“CSV UTF-8”。'
    },
    catalog: {
      checkDigit: '校验位应为 {{expected}}：{{corrected}}',
      cellCount:
        '有 $t(errors.catalog.cells, {"count": {{cells}} })，但表头有 {{header}} 列——数字里有逗号？请给单元格加引号或改用小数点。',
      cells_one: '{{count}} 个单元格',
      cells_other: '{{count}} 个单元格',
      scaleCodeTakenBy: '秤码 {{code}} 已属于 {{sku}}。'
    },
    scale: {
      checkDigit: '条码标签读错了（校验位应为 {{expected}}），请重新扫描。',
      valueCheckDigit: '标签上的金额读错了（金额校验位应为 {{expected}}），请重新扫描。',
      unknownItem: '没有商品的秤码是 {{itemCode}}。',
      notByWeight: '{{sku}} 按件销售，不按重量。',
      noWeight: '标签上没有重量，请重新称重。',
      priceMismatch: '标签金额与收银台上 {{sku}} 的每千克单价对不上，电子秤价格不一致，请重新称重。',
      largeQuantity: 'The label weighs {{quantity}} kg of {{name}}: confirm it.'
    },
    settings: {
      timeZoneFromHq: '时区由总部为 {{store}} 设置，请在总部修改。',
      timeZoneAfterSales: '已在 {{from}} 时区产生销售。改为 {{to}} 会把这些销售移到其他营业日和时段。'
    },
    checkout: {
      implausibleTender: '实收 {{tendered}} 超过 {{limit}}。是否误扫了条码？请核对后确认。',
      weightMissing: '{{name}} 按公斤计价：请先输入重量。'
    },
    sync: {
      ownedByHq: {
        catalog: '本收银台已接入{{store}}：商品和分类由总部管理。',
        coupons: '本收银台已接入{{store}}：优惠券由总部管理。',
        staff: '本收银台已接入{{store}}：员工由总部管理。'
      },
      couponAllotmentUsed: '优惠券 {{code}} 在本收银台的份额已用完。',
      alreadyEnrolled: '本收银台已接入总部。',
      notEnrolled: '本收银台尚未接入总部。',
      shiftOpen: '请先关闭当前班次：接入总部会更改本收银台的编号。',
      badUrl: '请输入以 http:// 或 https:// 开头的总部地址。',
      badCode: '请输入总部打印的 8 位接入码，例如 ABCD-EFGH。',
      enrolCodeInvalid: '接入码无效或已被使用。',
      enrolCodeExpired: '接入码已过期：请向总部索取新的接入码。',
      unreachable: '无法连接总部：{{reason}}',
      refused: '总部拒绝了请求：{{reason}}',
      unsyncedEvents_one: '还有 {{count}} 条事件未上传到总部：请先同步，或将其导出。',
      unsyncedEvents_other: '还有 {{count}} 条事件未上传到总部：请先同步，或将其导出。',
      keyMissing: '本收银台的同步密钥丢失：请重新接入。',
      keySealed: '本收银台的同步密钥无法在这台电脑上打开。',
      unenrolShiftOpen: '请先关闭当前班次：班次的销售和交班记录都要上传到总部后，才能解除接入。',
      revoked: '总部已停用本收银台，不能再次接入。（{{reason}}）',
      storeMismatch: '此接入码属于另一家门店：{{reason}}'
    },
    orders: {
      voidNonCash: '此单有部分用银行卡、支付宝或微信支付付款，不能作废。请改为整单退款：钱会原路退回。',
      voidNotToday: '只能作废今天付款的订单，请改为退款。'
    },
    approval: {
      refundOrder: '此订单的退款累计 {{amountText}}，超过 {{limitText}}：需要店长批准。',
      refundShift: '您本班次的退款累计 {{amountText}}，超过 {{limitText}}：需要店长批准。',
      refundCash: '从钱箱退出现金 {{amountText}} 需要店长批准。',
      lineDiscount: '折扣 {{amountText}} 超过收银员可给的 {{limitText}}：需要店长批准。'
    },
    approvals: {
      tooLarge: '不能超过 {{limit}}。'
    },
    cart: {
      notYours: '这是另一位收银员的购物车：请对方先挂单，再在这里取单。',
      wholePieces: '{{name}} 按件销售：请输入整数。',
      weightTooLarge: '重量：{{name}} 一行最多 {{limit}} 千克，请核对后重新输入。',
      piecesTooLarge: '数量：{{name}} 一行最多 {{limit}} 件，请核对后重新输入。'
    }
  },
  damaged: {
    title: '无法打开门店数据库',
    body: 'Kassa 已在修改任何数据之前停止，不会再丢失数据。请恢复最近的备份，或联系技术支持。',
    file: '数据库文件',
    backups: '备份保存在同目录下的 “backups” 文件夹中。',
    reason: '原因'
  }
}
