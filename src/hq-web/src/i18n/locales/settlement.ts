import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    settlement: {
      title: 'Daily settlement',
      subtitle:
        'Each store’s business day in its own time zone; the figures are each till’s Z-report, plus the sales a restored till no longer holds.',
      date: 'Business day',
      store: 'Store',
      allStores: 'All stores',
      show: 'Show',
      exportCsv: 'Export CSV',
      print: 'Print / PDF',
      complete: 'Complete',
      incomplete: 'Incomplete',
      dayComplete: 'Every till that sold has synced through its last shift close.',
      dayIncomplete: 'Some tills have not synced all of this day yet: the figures may still change.',
      reason: {
        settled: 'Day closed on the till',
        'shifts-closed': 'All shifts closed',
        idle: 'Did not sell',
        'shift-open': 'Shift still open: {{shifts}}',
        quarantined_one: '{{count}} event quarantined',
        quarantined_other: '{{count}} events quarantined',
        'zone-differs':
          'Till time zone ({{zone}}) differs from its store: these figures are not the till’s Z-report'
      },
      total: 'Total ({{currency}})',
      storeTotal: 'Store total',
      noStores: 'No store to show.',
      columns: {
        scope: 'Till / store',
        status: 'Completeness',
        orders: 'Orders',
        sales: 'Sales',
        voids: 'Voids',
        refunds: 'Refunds',
        netSales: 'Net sales',
        tax: 'Tax',
        rounding: 'Rounding',
        collected: 'Collected',
        actions: 'Actions'
      },
      restored:
        'Includes the till’s history from before its restore. Orders the till holds now: {{nowOrders}} ({{nowTotal}}); held only by the head office: {{beforeOrders}} ({{beforeTotal}}).',
      restoredLink: 'Sequence collision',
      beforeRestore: 'From before the restore',
      tenderVoided: 'Voided · given back',
      tenders: 'Tenders',
      viewOrders: 'Orders',
      ordersTitle: 'Orders of {{scope}} on {{date}}',
      noOrders: 'No orders.',
      truncated_one: 'Showing the first order.',
      truncated_other: 'Showing the first {{count}} orders.',
      order: {
        title: 'Order {{number}}',
        number: 'Number',
        till: 'Till',
        paidAt: 'Paid',
        paidAtIn: 'Paid ({{zone}})',
        total: 'Total',
        status: 'Status',
        voided: 'Voided',
        refunded: 'Refunded in full: {{amount}}',
        partlyRefunded: 'Partly refunded: {{amount}} of {{total}} ({{kept}} kept)',
        refundedAt: 'Refunded at',
        paid: 'Paid',
        cashier: 'Cashier',
        lines: 'Lines',
        item: 'Item',
        quantity: 'Qty',
        lineTotal: 'Amount',
        tenders: 'Tenders',
        method: 'Method',
        amount: 'Amount',
        refunds: 'Refunds',
        open: 'Open order {{number}}',
        back: 'Back to the orders'
      },
      late_one: '{{count}} late event posted here from an earlier day',
      late_other: '{{count}} late events posted here from earlier days'
    }
  },
  errors: { hq: { settlement: { noOrder: 'no such order' } } }
}

export const settlementMessages = defineMessages(en, {
  hq: {
    settlement: {
      title: '每日结算',
      subtitle: '各门店按各自时区的营业日；数字为各收银台的 Z 报表，另含恢复备份后收银台已不再保存的销售。',
      date: '营业日',
      store: '门店',
      allStores: '全部门店',
      show: '查看',
      exportCsv: '导出 CSV',
      print: '打印 / PDF',
      complete: '已完整',
      incomplete: '不完整',
      dayComplete: '所有有销售的收银台都已同步到最后一次交班。',
      dayIncomplete: '部分收银台尚未同步完当天数据：数字可能还会变化。',
      reason: {
        settled: '收银台已日结',
        'shifts-closed': '所有班次已交班',
        idle: '当天无销售',
        'shift-open': '班次未交班：{{shifts}}',
        quarantined_one: '{{count}} 个事件被隔离',
        quarantined_other: '{{count}} 个事件被隔离',
        'zone-differs': '收银台时区（{{zone}}）与门店不同：这些数字不是收银台的日结报表'
      },
      total: '合计（{{currency}}）',
      storeTotal: '门店合计',
      noStores: '没有可显示的门店。',
      columns: {
        scope: '收银台 / 门店',
        status: '完整性',
        orders: '订单数',
        sales: '销售额',
        voids: '作废',
        refunds: '退款',
        netSales: '净销售额',
        tax: '税额',
        rounding: '抹零/舍入',
        collected: '实收',
        actions: '操作'
      },
      restored:
        '含收银台恢复前的记录：收银台现有 {{nowOrders}} 单 / {{nowTotal}}；仅总部持有 {{beforeOrders}} 单 / {{beforeTotal}}。',
      restoredLink: '序号冲突',
      beforeRestore: '恢复前的记录',
      tenderVoided: '已作废 · 已退回',
      tenders: '支付方式',
      viewOrders: '订单',
      ordersTitle: '{{scope}} 在 {{date}} 的订单',
      noOrders: '没有订单。',
      truncated_one: '仅显示前 {{count}} 笔订单。',
      truncated_other: '仅显示前 {{count}} 笔订单。',
      order: {
        title: '订单 {{number}}',
        number: '单号',
        till: '收银台',
        paidAt: '付款时间',
        paidAtIn: '付款时间（{{zone}}）',
        total: '金额',
        status: '状态',
        voided: '已作废',
        refunded: '已全额退款 {{amount}}',
        partlyRefunded: '部分退款 {{amount}}（共 {{total}}，保留 {{kept}}）',
        refundedAt: '退款时间',
        paid: '已付款',
        cashier: '收银员',
        lines: '商品',
        item: '商品',
        quantity: '数量',
        lineTotal: '金额',
        tenders: '支付',
        method: '方式',
        amount: '金额',
        refunds: '退款',
        open: '打开订单 {{number}}',
        back: '返回订单列表'
      },
      late_one: '{{count}} 个较早日期的迟到事件计入本日',
      late_other: '{{count}} 个较早日期的迟到事件计入本日'
    }
  },
  errors: { hq: { settlement: { noOrder: '订单不存在' } } }
})
