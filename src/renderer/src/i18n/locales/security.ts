import { defineMessages } from '../messages'

const en = {
  lossPrevention: {
    title: 'Approvals and loss prevention',
    intro:
      'Above these limits a cashier needs a manager’s PIN in place. Managers and owners are not limited.',
    refundApprovalThreshold: 'Refunds per order ({{currency}})',
    refundApprovalThresholdHint: 'All refunds of one order together; splitting a refund does not avoid it.',
    shiftRefundLimit: 'Refunds per cashier per shift ({{currency}})',
    shiftRefundLimitHint: 'Leave empty for no limit.',
    noLimit: 'No limit',
    cashRefundThreshold: 'Cash paid out for a refund ({{currency}})',
    cashRefundThresholdHint: '0 means every cash refund by a cashier is approved.',
    lineDiscountLimit: 'Largest line discount a cashier may give (%)',
    lineDiscountLimitHint: 'Of the line’s price; a larger discount, up to 100 %, needs a manager.',
    blindClose: 'Blind closing count',
    blindCloseHint:
      'The expected cash stays hidden while the drawer is counted; the difference shows after closing.',
    save: 'Save approvals',
    saved: 'Approvals saved'
  }
}

const zhCN: typeof en = {
  lossPrevention: {
    title: '审批与防损',
    intro: '超过以下限额时，收银员需要店长当场输入 PIN 批准。店长和店主不受限制。',
    refundApprovalThreshold: '每笔订单退款（{{currency}}）',
    refundApprovalThresholdHint: '同一订单的所有退款合计；拆分退款也无法绕过。',
    shiftRefundLimit: '每位收银员每班次退款（{{currency}}）',
    shiftRefundLimitHint: '留空表示不限。',
    noLimit: '不限',
    cashRefundThreshold: '退款支出现金（{{currency}}）',
    cashRefundThresholdHint: '0 表示收银员的每笔现金退款都需批准。',
    lineDiscountLimit: '收银员可给的单行最大折扣（%）',
    lineDiscountLimitHint: '按该行价格计算；更大的折扣（最多 100%）需要店长批准。',
    blindClose: '盲点交班',
    blindCloseHint: '点钞时不显示应有现金；结班后才显示差额。',
    save: '保存审批设置',
    saved: '审批设置已保存'
  }
}

export const securityMessages = defineMessages(en, zhCN)
