import { defineMessages } from '../messages'

/** The counter's guards and keyboard (issue 10): scanner bursts, confirmations, approvals. */
const en = {
  counter: {
    noShift: 'No shift is open on this till: open one to sell.',
    dismiss: 'Dismiss',
    openShift: 'Open shift',
    scanWhilePaying: 'Scanned {{code}} was not added: finish this payment, or go back to the cart first.',
    scanInDialog: 'Scanned {{code}} was not added: close this window first.',
    codeRefused: '{{code}}: {{reason}}',
    scanRefused: 'Scanned {{code}} was not entered: this field does not take barcodes.',
    weightNeeded: 'Enter the weight',
    weightBadge: 'weight?',
    largeTender: {
      title: 'Check the cash received',
      body: 'Cash received {{tendered}} for {{due}}: change would be {{change}}. Is that right?',
      confirm: 'Yes, take it',
      back: 'No, correct it'
    },
    largeQuantity: {
      title: 'Check the quantity',
      body: 'Set {{quantity}} {{unit}} of {{name}}?',
      addBody: 'The scale label reads {{quantity}} {{unit}} of {{name}}. Add it?',
      piece: 'pieces',
      kg: 'kg',
      confirm: 'Yes, set it',
      confirmAdd: 'Yes, add it',
      back: 'No, correct it'
    },
    clear: {
      title: 'Clear this cart?',
      body_one: 'Its {{count}} line is removed.',
      body_other: 'Its {{count}} lines are removed.',
      confirm: 'Clear cart',
      back: 'Keep it'
    },
    split: {
      takePart: 'Take {{amount}} cash, pay the rest another way'
    },
    keys: {
      label: 'Keyboard shortcuts',
      search: 'search',
      pick: 'pick result',
      times: 'then scan: quantity',
      plusMinus: 'quantity of line',
      lines: 'select line',
      remove: 'remove line',
      park: 'park',
      coupon: 'coupon',
      pay: 'pay'
    },
    approval: {
      actions: {
        'cart_override-price': 'Change a price',
        'cart_set-line-discount': 'Line discount',
        orders_void: 'Void a sale',
        shifts_close: 'Close a shift',
        'shifts_cash-move': 'Cash in / out',
        refunds_create: 'Refund',
        settings_get: 'Open settings',
        settings_update: 'Change settings'
      }
    }
  }
}

const zhCN: typeof en = {
  counter: {
    noShift: '本收银台尚未开班：请先开班再收银。',
    dismiss: '关闭提示',
    openShift: '开班',
    scanWhilePaying: '扫到的 {{code}} 未加入：请先完成本次收款，或返回购物车。',
    scanInDialog: '扫到的 {{code}} 未加入：请先关闭此窗口。',
    codeRefused: '{{code}}：{{reason}}',
    scanRefused: '扫到的 {{code}} 未输入：此处不接受条码。',
    weightNeeded: '请输入重量',
    weightBadge: '待称重',
    largeTender: {
      title: '请核对实收金额',
      body: '应收 {{due}}，实收 {{tendered}}，需找零 {{change}}。确认无误吗？',
      confirm: '确认收款',
      back: '返回修改'
    },
    largeQuantity: {
      title: '请核对数量',
      body: '将 {{name}} 的数量设为 {{quantity}} {{unit}}？',
      addBody: '秤标签上是 {{name}} {{quantity}} {{unit}}，确认加入？',
      piece: '件',
      kg: '公斤',
      confirm: '确认',
      confirmAdd: '确认加入',
      back: '返回修改'
    },
    clear: {
      title: '清空购物车？',
      body_one: '将移除其中 {{count}} 行商品。',
      body_other: '将移除其中 {{count}} 行商品。',
      confirm: '清空',
      back: '保留'
    },
    split: {
      takePart: '先收现金 {{amount}}，余款用其他方式'
    },
    keys: {
      label: '快捷键',
      search: '搜索',
      pick: '选择结果',
      times: '再扫码：数量',
      plusMinus: '增减数量',
      lines: '选择行',
      remove: '删除行',
      park: '挂单',
      coupon: '优惠券',
      pay: '收款'
    },
    approval: {
      actions: {
        'cart_override-price': '改价',
        'cart_set-line-discount': '单品优惠',
        orders_void: '作废订单',
        shifts_close: '交班结账',
        'shifts_cash-move': '存取现金',
        refunds_create: '退款',
        settings_get: '打开设置',
        settings_update: '修改设置'
      }
    }
  }
}

export const counterMessages = defineMessages(en, zhCN)
