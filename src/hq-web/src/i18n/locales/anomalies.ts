import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    nav: { anomalies: 'Anomalies' },
    anomalies: {
      title: 'Anomalies',
      dashboardLink: 'Open anomalies: {{count}} ({{high}} high). Look at the inbox',
      subtitle: 'What the tills’ events show is wrong or worth a look. Resolve each with a note.',
      filters: 'Filters',
      store: 'Store',
      anyStore: 'Every store',
      kind: 'Kind',
      anyKind: 'Every kind',
      severity: 'Severity',
      anySeverity: 'Any severity',
      show: 'Show',
      open: 'Open ({{count}})',
      resolved: 'Resolved',
      openShort: 'Open',
      tillFilter: 'Only till {{till}}',
      clearTill: 'Show every till',
      empty: 'Nothing here. Anomalies appear as the tills sync.',
      emptyResolved: 'No resolved anomaly matches.',
      openCounts: '{{high}} high · {{medium}} medium · {{low}} low open',
      firstSeen: 'First seen {{time}}',
      lastSeen: 'last seen {{time}}',
      tills: 'Tills',
      storeWide: 'store-wide',
      showTill: 'Show only till {{till}}’s anomalies',
      events: 'Events ({{count}})',
      eventsMore: 'The first {{shown}} of {{total}} are listed.',
      event: 'Event {{till}} #{{seq}}',
      openEvent: 'Open event {{till}} #{{seq}}',
      resolve: 'Resolve…',
      resolveTitle: 'Resolve: {{kind}}',
      note: 'Note',
      noteHint: 'What was found and done. Kept with the anomaly and in the audit log.',
      resolveSave: 'Mark resolved',
      resolvedBy: 'Resolved by {{name}} on {{time}}',
      resolvedBySystem: 'Settled by the facts on {{time}}',
      seenAgain: 'Seen again after it was resolved',
      noteLabel: 'Note:',
      severities: { high: 'High', medium: 'Medium', low: 'Low' },
      kinds: {
        'receipt-gap': 'Receipt-number gap',
        'seq-collision': 'Seq collision',
        'coupon-over-limit': 'Coupon over its limit',
        'coupon-overuse': 'Coupon over a till’s allotment',
        'late-event': 'After the day was closed',
        quarantined: 'Quarantined events',
        'clock-skew': 'Clock skew',
        'zone-differs': 'Till time zone differs from its store'
      },
      summary: {
        'receipt-gap': 'Missing {{first}} … {{last}} ({{count}}) between {{before}} and {{after}}.',
        'receipt-gap-one': 'Missing {{first}} between {{before}} and {{after}}.',
        'seq-collision_one':
          '{{count}} event (#{{seq}}) arrived again with other content: the till was probably restored from an older backup. Both copies are kept.',
        'seq-collision_other':
          '{{count}} events (from #{{seq}}) arrived again with other content: the till was probably restored from an older backup. Both copies of each are kept.',
        'seq-collision-numbers_one':
          '{{count}} event (#{{seq}}) arrived again with other content: the till was probably restored from an older backup. Receipt number used twice: {{numbers}}. Both copies are kept and both sales are counted.',
        'seq-collision-numbers_other':
          '{{count}} events (from #{{seq}}) arrived again with other content: the till was probably restored from an older backup. Receipt numbers used twice: {{numbers}}. Both copies of each are kept and both sales are counted.',
        'coupon-over-limit_one': 'Coupon {{code}} was used once across the tills; its limit is {{limit}}.',
        'coupon-over-limit_other':
          'Coupon {{code}} was used {{count}} times across the tills; its limit is {{limit}}.',
        'coupon-overuse':
          'Coupon {{code}}: this till used {{uses}}, its allotment was {{allotment}} (limit {{limit}}).',
        'late-event_one':
          '{{count}} money event happened after {{date}} was closed (at {{settledAt}}); it was posted to {{postedTo}} as an adjustment, keeping its date.',
        'late-event_other':
          '{{count}} money events happened after {{date}} was closed (at {{settledAt}}); they were posted to {{postedTo}} as adjustments, keeping their date.',
        quarantined_one: '{{count}} {{type}} event could not be applied: {{reason}}',
        quarantined_other: '{{count}} {{type}} events could not be applied: {{reason}}',
        'clock-skew-ahead': 'The till’s clock was {{amount}} ahead of the head office’s.',
        'clock-skew-behind': 'The till’s clock was {{amount}} behind the head office’s.',
        'zone-differs':
          'The till kept its business days in {{tillZone}}, its store is in {{storeZone}}: its days here, cut in the store’s zone, are not its Z-reports and are not shown complete.',
        'zone-differs-caught-up':
          'The till sold under {{tillZone}} before it took its store’s zone {{storeZone}}. It now reports those days in {{storeZone}}, as here; a Z-report it printed back then, in {{tillZone}}, differs.'
      },
      info: {
        number: 'receipt {{number}}',
        arrivedLater: 'arrived later',
        late: '{{kind}} {{number}} of {{date}} → {{postedTo}}',
        lateKinds: { sale: 'sale', void: 'void', refund: 'refund' },
        received: 'the copy that arrived later',
        code: 'coupon {{code}}'
      },
      eventDialog: {
        title: 'Event {{till}} #{{seq}}',
        type: 'Type',
        at: 'Time on the till',
        received: 'Received',
        status: 'Status',
        reason: 'Reason',
        payload: 'Content',
        collisions: 'Other copies of this seq',
        close: 'Close',
        statuses: { applied: 'Applied', recorded: 'Kept (nothing to apply)', quarantined: 'Quarantined' }
      }
    }
  },
  fields: { key: 'Anomaly', seq: 'Event', tillId: 'Till', kind: 'Kind', severity: 'Severity' },
  errors: {
    hq: {
      anomalies: {
        notFound: 'no such anomaly',
        noEvent: 'no such event',
        alreadyResolved: 'this anomaly is already resolved'
      }
    }
  }
}

export const anomaliesMessages = defineMessages(en, {
  hq: {
    nav: { anomalies: '异常' },
    anomalies: {
      title: '异常',
      dashboardLink: '{{count}} 条未处理的异常（高 {{high}} 条）：查看异常收件箱',
      subtitle: '收银台事件中出错或值得查看的情况。逐条处理并填写说明。',
      filters: '筛选',
      store: '门店',
      anyStore: '全部门店',
      kind: '类型',
      anyKind: '全部类型',
      severity: '严重程度',
      anySeverity: '全部程度',
      show: '显示',
      open: '未处理（{{count}}）',
      resolved: '已处理',
      openShort: '未处理',
      tillFilter: '仅收银台 {{till}}',
      clearTill: '显示全部收银台',
      empty: '暂无异常。收银台同步后会在此出现。',
      emptyResolved: '没有符合条件的已处理异常。',
      openCounts: '未处理：高 {{high}} · 中 {{medium}} · 低 {{low}}',
      firstSeen: '首次发现 {{time}}',
      lastSeen: '最近发现 {{time}}',
      tills: '收银台',
      storeWide: '全店',
      showTill: '只看收银台 {{till}} 的异常',
      events: '事件（{{count}}）',
      eventsMore: '仅列出 {{total}} 条中的前 {{shown}} 条。',
      event: '事件 {{till}} #{{seq}}',
      openEvent: '打开事件 {{till}} #{{seq}}',
      resolve: '处理…',
      resolveTitle: '处理：{{kind}}',
      note: '说明',
      noteHint: '发现了什么、做了什么。与异常一起保存，并记入审计日志。',
      resolveSave: '标记为已处理',
      resolvedBy: '{{name}} 于 {{time}} 处理',
      resolvedBySystem: '{{time}} 由后续数据自动消除',
      seenAgain: '处理后再次出现',
      noteLabel: '说明：',
      severities: { high: '高', medium: '中', low: '低' },
      kinds: {
        'receipt-gap': '小票号断号',
        'seq-collision': '序号冲突',
        'coupon-over-limit': '优惠券超出总限额',
        'coupon-overuse': '优惠券超出收银台配额',
        'late-event': '日结后的交易',
        quarantined: '隔离的事件',
        'clock-skew': '时钟偏差',
        'zone-differs': '收银台时区与门店不同'
      },
      summary: {
        'receipt-gap': '缺少 {{first}} … {{last}}（共 {{count}} 个），位于 {{before}} 与 {{after}} 之间。',
        'receipt-gap-one': '缺少 {{first}}，位于 {{before}} 与 {{after}} 之间。',
        'seq-collision_one':
          '{{count}} 个事件（自 #{{seq}} 起）以不同内容再次到达：该收银台可能从较旧的备份恢复。每个事件的两份都已保留。',
        'seq-collision_other':
          '{{count}} 个事件（自 #{{seq}} 起）以不同内容再次到达：该收银台可能从较旧的备份恢复。每个事件的两份都已保留。',
        'seq-collision-numbers_one':
          '{{count}} 个事件（自 #{{seq}} 起）以不同内容再次到达：该收银台可能从较旧的备份恢复。重复使用的小票号：{{numbers}}。每个事件的两份都已保留，两笔销售都已计入。',
        'seq-collision-numbers_other':
          '{{count}} 个事件（自 #{{seq}} 起）以不同内容再次到达：该收银台可能从较旧的备份恢复。重复使用的小票号：{{numbers}}。每个事件的两份都已保留，两笔销售都已计入。',
        'coupon-over-limit_one': '优惠券 {{code}} 在各收银台共使用 {{count}} 次，限额为 {{limit}}。',
        'coupon-over-limit_other': '优惠券 {{code}} 在各收银台共使用 {{count}} 次，限额为 {{limit}}。',
        'coupon-overuse':
          '优惠券 {{code}}：该收银台使用 {{uses}} 次，配额为 {{allotment}}（总限额 {{limit}}）。',
        'late-event_one':
          '{{count}} 笔资金事件发生在 {{date}} 日结（{{settledAt}}）之后，已作为调整计入 {{postedTo}}，并保留原日期。',
        'late-event_other':
          '{{count}} 笔资金事件发生在 {{date}} 日结（{{settledAt}}）之后，已作为调整计入 {{postedTo}}，并保留原日期。',
        quarantined_one: '{{count}} 个 {{type}} 事件无法应用：{{reason}}',
        quarantined_other: '{{count}} 个 {{type}} 事件无法应用：{{reason}}',
        'clock-skew-ahead': '收银台时钟比总部快 {{amount}}。',
        'clock-skew-behind': '收银台时钟比总部慢 {{amount}}。',
        'zone-differs':
          '该收银台按 {{tillZone}} 划分营业日，门店时区为 {{storeZone}}：总部按门店时区切分的当天数字不是它的日结报表，不会显示为完整。',
        'zone-differs-caught-up':
          '该收银台在采用门店时区 {{storeZone}} 之前按 {{tillZone}} 销售。现在它也按 {{storeZone}} 计算这些天，与总部一致；当时按 {{tillZone}} 打印的日结报表与此不同。'
      },
      info: {
        number: '小票 {{number}}',
        arrivedLater: '之后到达',
        late: '{{kind}} {{number}}（{{date}}）→ {{postedTo}}',
        lateKinds: { sale: '销售', void: '作废', refund: '退款' },
        received: '后到达的那份',
        code: '优惠券 {{code}}'
      },
      eventDialog: {
        title: '事件 {{till}} #{{seq}}',
        type: '类型',
        at: '收银台时间',
        received: '接收时间',
        status: '状态',
        reason: '原因',
        payload: '内容',
        collisions: '该序号的其他副本',
        close: '关闭',
        statuses: { applied: '已应用', recorded: '已保存（无需应用）', quarantined: '已隔离' }
      }
    }
  },
  fields: { key: '异常', seq: '事件', tillId: '收银台', kind: '类型', severity: '严重程度' },
  errors: {
    hq: {
      anomalies: {
        notFound: '没有这条异常',
        noEvent: '没有这个事件',
        alreadyResolved: '这条异常已经处理过了'
      }
    }
  }
})
