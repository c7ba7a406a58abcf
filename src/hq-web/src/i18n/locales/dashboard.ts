import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    dashboard: {
      title: 'Dashboard',
      subtitle: 'Today in every store (each in its own time zone), refreshed every {{seconds}} s.',
      updated: 'Updated {{time}}',
      empty: 'No store yet: create one under Stores & tills.',
      netSales: 'Net sales',
      orders: 'Orders',
      collected: 'Collected',
      today: 'Today ({{date}})',
      complete: 'Complete',
      incomplete: 'Waiting for tills',
      byStore: 'Net sales by store',
      byHour: 'Sales by hour (each store’s local time)',
      byTender: 'Net by tender',
      hour: '{{hour}}:00',
      noSales: 'No sales yet today.',
      tills: 'Tills',
      chartSummary: '{{name}}: {{amount}}'
    }
  }
}

export const dashboardMessages = defineMessages(en, {
  hq: {
    dashboard: {
      title: '概览',
      subtitle: '各门店今天的情况（按各自时区），每 {{seconds}} 秒刷新。',
      updated: '更新于 {{time}}',
      empty: '还没有门店：请先在"门店与收银台"中创建。',
      netSales: '净销售额',
      orders: '订单数',
      collected: '实收',
      today: '今天（{{date}}）',
      complete: '已完整',
      incomplete: '等待收银台同步',
      byStore: '各门店净销售额',
      byHour: '分时段销售额（各门店当地时间）',
      byTender: '各支付方式净额',
      hour: '{{hour}}:00',
      noSales: '今天还没有销售。',
      tills: '收银台',
      chartSummary: '{{name}}：{{amount}}'
    }
  }
})
