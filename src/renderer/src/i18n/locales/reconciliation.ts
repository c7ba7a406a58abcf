import { defineMessages } from '../messages'

const en = {
  reconciliation: {
    title: 'Provider reconciliation',
    subtitle:
      "Each provider's bill for a day, matched against the till's payments and refunds by trade and refund number.",
    tab: 'Reconciliation',
    date: 'Provider business day',
    dateHint:
      'Alipay, WeChat Pay and the card acquirer cut their bills at midnight Beijing time (UTC+8), whatever the till’s own clock says.',
    providers: { alipay: 'Alipay', wechat: 'WeChat Pay', card: 'Card' },
    fetch: 'Fetch bill',
    fetchNamed: 'Fetch {{provider}} bill',
    fetching: 'Fetching…',
    importFile: 'Import file',
    importNamed: 'Import {{provider}} bill file',
    importHint: {
      alipay: 'The 业务明细 CSV from the Alipay merchant site (GBK).',
      wechat: 'The trade bill CSV from the WeChat Pay merchant site.'
    },
    importing: 'Reading {{file}}…',
    notYet: 'Not reconciled yet for this day.',
    summary: {
      matched: 'Matched',
      differences: 'Differences',
      gross: 'Payments',
      refunds: 'Refunds',
      fees: 'Fees',
      net: 'Net payout',
      localGross: 'Till’s payments',
      repaired: 'Repaired'
    },
    ranAt: 'Reconciled {{at}} from {{source}}',
    sources: { fetch: 'the provider’s API', import: 'a file' },
    feesPosted: 'Fees booked by this run: {{amount}}',
    allMatched: 'Every row matched.',
    emptyBill: 'The bill has no rows for this day, and the till has nothing either.',
    differencesTitle: 'Differences ({{count}})',
    columns: {
      result: 'Result',
      kind: 'Row',
      tradeNo: 'Trade no.',
      provider: 'Provider',
      till: 'Till',
      fee: 'Fee',
      detail: 'What happened'
    },
    results: {
      matched: 'Matched',
      missing_locally: 'Missing at the till',
      missing_at_provider: 'Missing at the provider',
      amount_mismatch: 'Amount differs',
      status_mismatch: 'Status differs'
    },
    kinds: { payment: 'Payment', refund: 'Refund', reversal: 'Reversal' },
    notes: {
      open_attempt: 'The till never learned this attempt’s outcome.',
      no_local_attempt: 'No attempt of this till has this number.',
      lost_attempt: 'The till has it failed or closed; the provider took the money.',
      recorded_other_day: 'The till recorded it on the neighbouring day.',
      provider_not_final: 'Not final at the provider.',
      voided_not_refunded:
        'The order was voided at the till, but the provider still has the payment: refund the customer.'
    },
    repair: { repaired: 'Repaired', needs_person: 'Needs a person' }
  }
}

const zhCN: typeof en = {
  reconciliation: {
    title: '渠道对账',
    subtitle: '按交易号和退款号，将各支付渠道当日账单与收银台的收款、退款逐笔核对。',
    tab: '对账',
    date: '渠道账单日',
    dateHint: '支付宝、微信支付和银行卡收单均以北京时间（UTC+8）零点切分账单，与收银台本地时钟无关。',
    providers: { alipay: '支付宝', wechat: '微信支付', card: '银行卡' },
    fetch: '下载账单',
    fetchNamed: '下载{{provider}}账单',
    fetching: '正在下载…',
    importFile: '导入文件',
    importNamed: '导入{{provider}}账单文件',
    importHint: {
      alipay: '支付宝商家中心下载的业务明细 CSV（GBK 编码）。',
      wechat: '微信支付商户平台下载的交易账单 CSV。'
    },
    importing: '正在读取 {{file}}…',
    notYet: '该日尚未对账。',
    summary: {
      matched: '相符',
      differences: '差异',
      gross: '收款',
      refunds: '退款',
      fees: '手续费',
      net: '结算净额',
      localGross: '收银台收款',
      repaired: '已修复'
    },
    ranAt: '{{at}} 对账，数据来自{{source}}',
    sources: { fetch: '渠道接口', import: '导入文件' },
    feesPosted: '本次记账手续费：{{amount}}',
    allMatched: '全部相符。',
    emptyBill: '该日账单无记录，收银台也没有。',
    differencesTitle: '差异（{{count}}）',
    columns: {
      result: '结果',
      kind: '类型',
      tradeNo: '交易号',
      provider: '渠道',
      till: '收银台',
      fee: '手续费',
      detail: '说明'
    },
    results: {
      matched: '相符',
      missing_locally: '收银台缺失',
      missing_at_provider: '渠道缺失',
      amount_mismatch: '金额不符',
      status_mismatch: '状态不符'
    },
    kinds: { payment: '收款', refund: '退款', reversal: '撤销' },
    notes: {
      open_attempt: '收银台未获知该笔支付结果。',
      no_local_attempt: '本收银台没有该交易号。',
      lost_attempt: '收银台记为失败或已关闭，渠道已扣款。',
      recorded_other_day: '收银台记在相邻的一天。',
      provider_not_final: '渠道处尚未完成。',
      voided_not_refunded: '该订单已在收银台作废，但渠道仍收着这笔款且未退款：请给顾客退款。'
    },
    repair: { repaired: '已修复', needs_person: '需人工处理' }
  }
}

export const reconciliationMessages = defineMessages(en, zhCN)
