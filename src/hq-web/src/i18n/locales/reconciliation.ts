import { defineMessages } from '@renderer/i18n/messages'

// Results, kinds, notes and provider names are the till's (`reconciliation.*`): the same words for the same matcher.
const en = {
  hq: {
    nav: { reconciliation: 'Reconcile' },
    reconciliation: {
      title: 'Reconciliation across tills',
      subtitle:
        'A provider’s bill for a day, matched against every till’s payments and refunds — a payment taken on one till and refunded on another reconciles.',
      upload: 'Match a bill',
      provider: 'Provider',
      date: 'Provider business day',
      file: 'Bill file',
      fileHint: {
        alipay: 'The 业务明细 CSV (GBK) or the zip as downloaded from the Alipay merchant site.',
        wechat: 'The trade bill CSV from the WeChat Pay merchant site.'
      },
      chooseFile: 'Choose a file…',
      run: 'Match',
      running: 'Matching {{file}}…',
      runs: 'Bills matched',
      noRuns: 'No bill matched yet.',
      open: 'Open',
      openNamed: 'Open the {{provider}} bill of {{date}}',
      superseded: 'replaced',
      columns: {
        date: 'Day',
        provider: 'Provider',
        file: 'File',
        matched: 'Matched',
        differences: 'Differences',
        runAt: 'Matched at',
        result: 'Result',
        kind: 'Kind',
        number: 'Trade / refund no.',
        billAmount: 'Bill',
        tillAmount: 'Till',
        fee: 'Fee',
        time: 'Time',
        timeIn: 'Time ({{zone}})'
      },
      summary: {
        matched: 'Matched',
        differences: 'Differences',
        gross: 'Payments on the bill',
        refunds: 'Refunds on the bill',
        fees: 'Fees',
        net: 'Payout',
        localGross: 'Tills’ payments',
        localRefunds: 'Tills’ refunds'
      },
      show: 'Show',
      showAll: 'All rows',
      showDifferences: 'Differences only',
      byTill: '{{till}} · {{store}}',
      noTill: 'Not recorded by any till',
      rowsCount_one: '{{count}} row',
      rowsCount_other: '{{count}} rows',
      notes: {
        open_attempt: 'The till that took it never learned the attempt’s outcome.',
        no_local_attempt: 'No till has a payment or refund with this number.',
        lost_attempt: 'The till has it failed or closed; the provider took the money.',
        recorded_other_day: 'The till recorded it on the neighbouring day.',
        provider_not_final: 'Not final at the provider.',
        voided_not_refunded:
          'The order was voided at the till, but the provider still has the payment: refund the customer.'
      },
      nothingToShow: 'No difference: every row matched.',
      detailTitle: '{{provider}} · {{date}}'
    }
  },
  fields: { fileName: 'File name' },
  errors: {
    hq: {
      reconciliation: {
        notABill: 'this file cannot be read as a bill of this payment channel',
        billNoHeader:
          "line {{line}} is not the bill's header row (no column {{column}}): pick the trade bill of this payment channel",
        billNoColumn: 'the bill has no column {{column}}: pick the trade bill of this payment channel',
        billCell: 'line {{line}}, column {{column}}: "{{value}}" is not an amount',
        billZip: 'the zip file cannot be opened',
        billZipNoDetail: 'the zip file holds no trade detail (业务明细) CSV',
        billNoTotal: 'the bill summary (汇总) has no 合计 row',
        billSummaryMismatch: "the summary's {{column}} does not match the detail: the bill is incomplete",
        otherDay: 'the file holds business of {{day}}: it is not the bill for {{date}}',
        rowTime: 'row {{row}} of the bill has no readable time ({{time}})',
        rowTradeNo: 'row {{row}} of the bill has no merchant order number',
        fileEmpty: 'the file is empty',
        unknownRun: 'no such reconciliation run'
      }
    }
  }
}

export const reconciliationMessages = defineMessages(en, {
  hq: {
    nav: { reconciliation: '对账' },
    reconciliation: {
      title: '跨收银台对账',
      subtitle:
        '将支付渠道某日的账单与所有收银台的收款、退款逐笔核对——在一台收银台收款、在另一台退款也能对上。',
      upload: '核对账单',
      provider: '支付渠道',
      date: '渠道账单日',
      file: '账单文件',
      fileHint: {
        alipay: '支付宝商家中心下载的业务明细 CSV（GBK）或原始压缩包。',
        wechat: '微信支付商户平台下载的交易账单 CSV。'
      },
      chooseFile: '选择文件…',
      run: '开始核对',
      running: '正在核对 {{file}}…',
      runs: '已核对的账单',
      noRuns: '还没有核对过账单。',
      open: '查看',
      openNamed: '查看 {{date}} 的{{provider}}账单',
      superseded: '已被替换',
      columns: {
        date: '账单日',
        provider: '渠道',
        file: '文件',
        matched: '一致',
        differences: '差异',
        runAt: '核对时间',
        result: '结果',
        kind: '类型',
        number: '交易号 / 退款号',
        billAmount: '账单金额',
        tillAmount: '收银台金额',
        fee: '手续费',
        time: '时间',
        timeIn: '时间（{{zone}}）'
      },
      summary: {
        matched: '一致',
        differences: '差异',
        gross: '账单收款',
        refunds: '账单退款',
        fees: '手续费',
        net: '结算金额',
        localGross: '收银台收款',
        localRefunds: '收银台退款'
      },
      show: '显示',
      showAll: '全部',
      showDifferences: '仅差异',
      byTill: '{{till}} · {{store}}',
      noTill: '没有任何收银台记录',
      rowsCount_one: '{{count}} 笔',
      rowsCount_other: '{{count}} 笔',
      notes: {
        open_attempt: '收款的收银台始终未得知这笔交易的结果。',
        no_local_attempt: '没有任何收银台有这个交易号的收款或退款。',
        lost_attempt: '收银台记为失败或已关闭，但渠道已扣款。',
        recorded_other_day: '收银台把它记在了相邻的一天。',
        provider_not_final: '渠道处尚未完成。',
        voided_not_refunded: '该订单已在收银台作废，但渠道仍有这笔收款：请给顾客退款。'
      },
      nothingToShow: '没有差异：每一笔都一致。',
      detailTitle: '{{provider}} · {{date}}'
    }
  },
  fields: { fileName: '文件名' },
  errors: {
    hq: {
      reconciliation: {
        notABill: '无法把该文件读作此支付渠道的账单',
        billNoHeader: '第 {{line}} 行不是账单的表头（没有 {{column}} 列）：请选择此支付渠道的交易账单',
        billNoColumn: '账单没有 {{column}} 列：请选择此支付渠道的交易账单',
        billCell: '第 {{line}} 行 {{column}} 列：“{{value}}”不是金额',
        billZip: '无法打开该 zip 文件',
        billZipNoDetail: '该 zip 文件里没有业务明细 CSV',
        billNoTotal: '账单汇总里没有“合计”行',
        billSummaryMismatch: '汇总的 {{column}} 与明细不一致：账单不完整',
        otherDay: '该文件包含 {{day}} 的交易：不是 {{date}} 的账单',
        rowTime: '账单第 {{row}} 行的时间无法识别（{{time}}）',
        rowTradeNo: '账单第 {{row}} 行没有商户订单号',
        fileEmpty: '文件为空',
        unknownRun: '没有这次对账'
      }
    }
  }
})
