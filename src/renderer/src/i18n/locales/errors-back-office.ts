import { defineMessages } from '../messages'

/**
 * Refusals of the merchant's screens: shifts, daily settlement, reconciliation, store settings,
 * and a manager's approval.
 */
const en = {
  errors: {
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
  }
}

export const backOfficeErrorMessages = defineMessages(en, {
  errors: {
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
  }
})
