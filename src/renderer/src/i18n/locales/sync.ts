import { defineMessages } from '../messages'

const en = {
  sync: {
    badge: {
      synced: 'Synced',
      syncing_one: 'Syncing {{count}} event',
      syncing_other: 'Syncing {{count}} events',
      offline: 'Offline since {{time}}',
      error: 'Sync refused',
      waiting_one: '{{count}} waiting · oldest {{age}}',
      waiting_other: '{{count}} waiting · oldest {{age}}',
      warning: 'Not synced for {{age}}: connect to the head office soon',
      hint: 'Sync with the head office: open the Sync panel in Settings'
    },
    age: {
      minutes_one: '{{count}} min',
      minutes_other: '{{count}} min',
      hours_one: '{{count}} h',
      hours_other: '{{count}} h',
      days_one: '{{count}} d',
      days_other: '{{count}} d'
    },
    state: {
      'not-enrolled': 'Not enrolled',
      synced: 'Synced',
      syncing: 'Syncing',
      offline: 'Head office unreachable',
      error: 'Refused by the head office'
    },
    direction: { enrol: 'Enrolment', push: 'Sending sales', pull: 'Receiving master data' },
    reason: {
      NETWORK: 'the head office cannot be reached (network down, or the head office is off)',
      UNAVAILABLE: 'the head office is busy or down; Kassa keeps retrying',
      BAD_ANSWER: 'the head office answered something Kassa does not understand (a different version?)'
    },
    panel: {
      title: 'Sync with the head office',
      notEnrolled:
        'This till works on its own. Enrol it with your head office to send it every sale and receive the catalog, prices, coupons and staff.',
      hqUrl: 'Head office address',
      hqUrlHint: 'e.g. https://hq.example.com or http://192.168.1.10:5200',
      code: 'Enrolment code',
      codeHint: 'The one-time code the head office printed (ABCD-EFGH, valid 10 minutes)',
      enrol: 'Enrol this till',
      enrolling: 'Enrolling…',
      ownerOnly: 'Only the owner can enrol this till.',
      hq: 'Head office',
      tillCode: 'Till code',
      state: 'State',
      since: 'since {{time}}',
      backlog: 'Waiting to send',
      events_one: '{{count}} event',
      events_other: '{{count}} events',
      oldest: 'oldest {{age}}',
      warning: 'Over 24 hours unsynced.',
      lastPush: 'Last sent',
      lastPull: 'Last received',
      revision: 'revision {{revision}}',
      never: 'never',
      errors: 'Problems',
      noErrors: 'None.',
      syncNow: 'Sync now',
      syncing: 'Syncing…',
      export: 'Export unsynced events',
      unenrol: 'Un-enrol',
      unenrolTitle: 'Un-enrol from {{store}}?',
      unenrolWhat:
        'This till stops sending its sales to the head office and stops receiving its catalog, prices, coupons and staff. Its orders are numbered with its own code again.',
      unenrolKept:
        'It can leave only while no shift is open and once everything it recorded has reached the head office. To come back, enrol again with a code from the same head office: the till continues as {{tillCode}} and nothing is sent twice.',
      unenrolConfirm: 'Un-enrol this till',
      cancel: 'Cancel'
    }
  }
}

export const syncMessages = defineMessages(en, {
  sync: {
    badge: {
      synced: '已同步',
      syncing_one: '同步中 {{count}} 条',
      syncing_other: '同步中 {{count}} 条',
      offline: '{{time}} 起离线',
      error: '同步被拒',
      waiting_one: '待发 {{count}} 条 · 最早 {{age}}前',
      waiting_other: '待发 {{count}} 条 · 最早 {{age}}前',
      warning: '已 {{age}} 未同步：请尽快连接总部',
      hint: '与总部同步：在“设置”的同步面板中查看'
    },
    age: {
      minutes_one: '{{count}} 分钟',
      minutes_other: '{{count}} 分钟',
      hours_one: '{{count}} 小时',
      hours_other: '{{count}} 小时',
      days_one: '{{count}} 天',
      days_other: '{{count}} 天'
    },
    state: {
      'not-enrolled': '未接入总部',
      synced: '已同步',
      syncing: '同步中',
      offline: '无法连接总部',
      error: '总部拒绝了请求'
    },
    direction: { enrol: '接入', push: '上传销售', pull: '下载主数据' },
    reason: {
      NETWORK: '无法连接总部（网络中断，或总部未开机）',
      UNAVAILABLE: '总部繁忙或暂停服务；Kassa 会自动重试',
      BAD_ANSWER: '总部的应答无法识别（版本不同？）'
    },
    panel: {
      title: '与总部同步',
      notEnrolled: '本收银台目前独立运行。接入总部后，每笔销售都会上传，商品、价格、优惠券和员工由总部下发。',
      hqUrl: '总部地址',
      hqUrlHint: '例如 https://hq.example.com 或 http://192.168.1.10:5200',
      code: '接入码',
      codeHint: '总部打印的一次性接入码（ABCD-EFGH，10 分钟内有效）',
      enrol: '接入总部',
      enrolling: '正在接入…',
      ownerOnly: '只有店主可以将本收银台接入总部。',
      hq: '总部',
      tillCode: '收银台编号',
      state: '状态',
      since: '自 {{time}}',
      backlog: '待上传',
      events_one: '{{count}} 条',
      events_other: '{{count}} 条',
      oldest: '最早 {{age}}前',
      warning: '已超过 24 小时未同步。',
      lastPush: '最近上传',
      lastPull: '最近下载',
      revision: '版本 {{revision}}',
      never: '从未',
      errors: '问题',
      noErrors: '无。',
      syncNow: '立即同步',
      syncing: '同步中…',
      export: '导出未同步事件',
      unenrol: '解除接入',
      unenrolTitle: '确定与{{store}}解除接入？',
      unenrolWhat:
        '本收银台将不再向总部上传销售，也不再接收总部下发的商品、价格、优惠券和员工。订单编号恢复使用本机自己的编号。',
      unenrolKept:
        '只有在没有未关闭的班次、且所有记录都已上传到总部时才能解除接入。日后用同一总部的接入码重新接入，本收银台会继续作为 {{tillCode}}，数据不会重复上传。',
      unenrolConfirm: '解除接入',
      cancel: '取消'
    }
  }
})
