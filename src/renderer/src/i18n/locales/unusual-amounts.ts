import { defineMessages } from '../messages'

/**
 * Amounts far outside what a shop does (`shared/money/unusual-amounts.ts`): main's refusals, each a
 * whole question naming the amount, shown in the "is this right?" dialog (`AmountConfirm.tsx`)
 * before the screen sends the call again with its confirm flag; and that dialog's own words.
 */
const en = {
  errors: {
    money: {
      zeroPrice: 'The price is {{amount}}: the item would be sold for nothing. Is that right?',
      largePrice:
        'The price is {{amount}}, more than {{limit}}. Check for an extra zero or a scanned code: is that right?',
      priceOverCap: 'The price {{amount}} is above {{limit}}, the most a till takes',
      largeCashMove:
        'The amount is {{amount}}, more than {{limit}}. Check for an extra zero or a scanned code: is that right?',
      largeFloat: 'The float counted is {{amount}}, more than {{limit}}. Is that right?'
    },
    shift: {
      countMissing: 'No count was given: enter what each box holds (0 for none)'
    }
  },
  amountConfirm: {
    title: 'Is this amount right?',
    back: 'No, change it',
    confirm: 'Yes, it is right'
  }
}

export const unusualAmountMessages = defineMessages(en, {
  errors: {
    money: {
      zeroPrice: '价格为 {{amount}}：该商品将不收钱。确定吗？',
      largePrice: '价格 {{amount}} 超过 {{limit}}。是否多打了零或误扫了条码？请核对后确认。',
      priceOverCap: '价格 {{amount}} 超过收银台可录入的上限 {{limit}}',
      largeCashMove: '金额 {{amount}} 超过 {{limit}}。是否多打了零或误扫了条码？请核对后确认。',
      largeFloat: '清点的备用金 {{amount}} 超过 {{limit}}。请核对后确认。'
    },
    shift: {
      countMissing: '没有填写清点结果：请在各栏填入数量（没有填 0）'
    }
  },
  amountConfirm: {
    title: '金额是否正确？',
    back: '不对，返回修改',
    confirm: '正确，继续'
  }
})
