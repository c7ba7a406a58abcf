import { defineMessages } from '../messages'

const en = {
  coupons: {
    title: 'Coupons',
    subtitle:
      'Codes a cashier types at the till. Each is checked when applied: dates, usage limit and minimum spend.',
    add: 'New coupon',
    addTitle: 'New coupon',
    editTitle: 'Edit coupon',
    edit: 'Edit',
    editCode: 'Edit coupon {{code}}',
    none: 'No coupons yet',
    percentOff: '{{rate}} off',
    zheOff: '{{zhe}} ({{rate}} off)',
    usedOfLimit: '{{used}} of {{limit}}',
    usedNoLimit: '{{used}} (no limit)',
    active: 'Active',
    inactive: 'Inactive',
    standing: {
      active: 'Active',
      disabled: 'Switched off',
      notYetValid: 'Not yet valid',
      expired: 'Expired',
      usedUp: 'Used up'
    },
    save: 'Save coupon',
    cancel: 'Cancel',
    columns: {
      code: 'Code',
      value: 'Discount',
      minSpend: 'Min spend',
      valid: 'Valid',
      used: 'Used',
      status: 'Status'
    },
    fields: {
      code: 'Code',
      type: 'Kind',
      typeRate: 'Percent off',
      typeAmount: 'Amount off',
      percent: 'Percent off (e.g. 10)',
      amount: 'Amount off ({{currency}})',
      minSpend: 'Minimum spend ({{currency}}, optional)',
      validFrom: 'Valid from',
      validTo: 'Valid until',
      usageLimit: 'Total uses allowed (optional)',
      active: 'Active'
    }
  }
}

const zhCN: typeof en = {
  coupons: {
    title: '优惠券',
    subtitle: '收银员在收银台输入的券码。使用时校验有效期、使用次数和最低消费。',
    add: '新建优惠券',
    addTitle: '新建优惠券',
    editTitle: '编辑优惠券',
    edit: '编辑',
    editCode: '编辑优惠券 {{code}}',
    none: '还没有优惠券',
    percentOff: '减 {{rate}}',
    zheOff: '{{zhe}}（减 {{rate}}）',
    usedOfLimit: '{{used}} / 限 {{limit}} 次',
    usedNoLimit: '{{used}}（不限次数）',
    active: '启用',
    inactive: '停用',
    standing: {
      active: '可用',
      disabled: '已停用',
      notYetValid: '未到生效日期',
      expired: '已过期',
      usedUp: '已用完'
    },
    save: '保存优惠券',
    cancel: '取消',
    columns: {
      code: '券码',
      value: '优惠',
      minSpend: '最低消费',
      valid: '有效期',
      used: '已用',
      status: '状态'
    },
    fields: {
      code: '券码',
      type: '类型',
      typeRate: '按比例减',
      typeAmount: '按金额减',
      percent: '减免百分比（如 10）',
      amount: '减免金额（{{currency}}）',
      minSpend: '最低消费（{{currency}}，可选）',
      validFrom: '生效日期',
      validTo: '截止日期',
      usageLimit: '总使用次数上限（可选）',
      active: '启用'
    }
  }
}

export const couponsMessages = defineMessages(en, zhCN)
