import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    stores: {
      title: 'Stores & tills',
      subtitle: 'Every store, its time zone and its tills as the sync last saw them.',
      empty: 'No store yet. Create the first one, then issue an enrolment code for each till.',
      create: 'New store',
      createTitle: 'Create a store',
      name: 'Store name',
      timeZone: 'Time zone',
      zoneChange: 'Time zone…',
      zoneOf: 'Change the time zone of {{store}}',
      zoneTitle: 'Time zone of {{store}}',
      zoneHint:
        'A zone such as Asia/Shanghai. Published to the store’s tills, which keep their business days in it from their next sync.',
      zoneSave: 'Publish the time zone',
      zoneMoves:
        'Moving {{store}} from {{from}} to {{to}} moves the sales already made to other business days and hours: every past day’s orders and totals here change, and so do the tills’ own past day reports after their next sync.',
      zonePrinted: 'Z-reports already printed will no longer match the days.',
      zoneTills_one: '{{count}} till will take the new zone at its next sync.',
      zoneTills_other: '{{count}} tills will take the new zone at their next sync.',
      zoneBack: 'Back',
      zoneDays: 'Days that move',
      zoneDay: '{{date}}: orders {{before}} → {{after}}, total {{beforeTotal}} → {{afterTotal}}',
      zoneMoreDays_one: 'and {{count}} more day',
      zoneMoreDays_other: 'and {{count}} more days',
      zoneConfirm: 'Change to {{zone}} anyway',
      timeZoneHint:
        'A zone such as Asia/Shanghai. The store’s business day runs from midnight to midnight in this zone.',
      save: 'Create store',
      tills: 'Tills',
      noTills: 'No till enrolled yet.',
      enrol: 'Enrolment code',
      enrolTitle: 'Enrol a till in {{store}}',
      enrolIntro:
        'On the till, open Settings → Sync with the head office and enter this enrolment code, or run kassa sync enrol. It works once.',
      expires: 'Valid until {{time}}',
      columns: {
        till: 'Till',
        lastSeen: 'Last seen',
        version: 'App version',
        backlog: 'Waiting',
        oldest: 'Oldest unsynced',
        offset: 'Clock offset',
        status: 'Status'
      },
      status: { active: 'Active', revoked: 'Revoked' },
      ago: '{{time}} ago',
      offsetValue: '{{seconds}} s'
    }
  },
  errors: {
    hq: { stores: { unknown: 'no such store', nameTaken: 'a store of that name exists' } }
  }
}

export const storesMessages = defineMessages(en, {
  hq: {
    stores: {
      title: '门店与收银台',
      subtitle: '每家门店、其时区，以及同步最近看到的各收银台状态。',
      empty: '还没有门店。先创建第一家门店，再为每台收银台发放接入码。',
      create: '新建门店',
      createTitle: '创建门店',
      name: '门店名称',
      timeZone: '时区',
      zoneChange: '时区…',
      zoneOf: '更改 {{store}} 的时区',
      zoneTitle: '{{store}} 的时区',
      zoneHint: '例如 Asia/Shanghai。将发布到该门店的收银台，收银台下次同步后按此时区计算营业日。',
      zoneSave: '发布时区',
      zoneMoves:
        '把 {{store}} 从 {{from}} 改为 {{to}} 会把已有的销售移到其他营业日和时段：总部过去每一天的订单数和金额都会变，收银台下次同步后，其自己的过往日报也会变。',
      zonePrinted: '已打印的日结报表将与这些天不再相符。',
      zoneTills_one: '{{count}} 台收银台将在下次同步时采用新时区。',
      zoneTills_other: '{{count}} 台收银台将在下次同步时采用新时区。',
      zoneBack: '返回',
      zoneDays: '会变动的营业日',
      zoneDay: '{{date}}：{{before}} → {{after}} 笔订单，{{beforeTotal}} → {{afterTotal}}',
      zoneMoreDays_one: '另有 {{count}} 天',
      zoneMoreDays_other: '另有 {{count}} 天',
      zoneConfirm: '仍然改为 {{zone}}',
      timeZoneHint: '例如 Asia/Shanghai。门店的营业日按此时区的零点到零点计算。',
      save: '创建门店',
      tills: '收银台',
      noTills: '还没有注册收银台。',
      enrol: '接入码',
      enrolTitle: '为 {{store}} 注册收银台',
      enrolIntro: '在收银台上打开“设置 → 与总部同步”并输入此接入码，或运行 kassa sync enrol。只能使用一次。',
      expires: '有效期至 {{time}}',
      columns: {
        till: '收银台',
        lastSeen: '最近同步',
        version: '版本',
        backlog: '待同步',
        oldest: '最早未同步',
        offset: '时钟偏差',
        status: '状态'
      },
      status: { active: '使用中', revoked: '已停用' },
      ago: '{{time}}前',
      offsetValue: '{{seconds}} 秒'
    }
  },
  errors: {
    hq: { stores: { unknown: '门店不存在', nameTaken: '已有同名门店' } }
  }
})
