import { defineMessages } from '../messages'

/**
 * Why a dialog's primary action cannot be taken yet, found on the till before anything is sent and
 * shown beside the field that blocks it (refund, void, cash in/out). Sentences, so never prefixed
 * with the field's name.
 */
const en = {
  errors: {
    form: {
      enterReason: 'Enter a reason',
      enterAmount: 'Enter an amount',
      enterNumber: 'Enter a number such as 1 or 0.5',
      atMostLeft: 'At most {{left}} can be refunded',
      atMostAmount: 'At most {{amount}} can be refunded',
      wholePieces: 'Sold by the piece: enter a whole number',
      chooseItems: 'Enter how many of an item to refund',
      moreThanZero: 'Enter an amount greater than 0'
    }
  }
}

const zhCN: typeof en = {
  errors: {
    form: {
      enterReason: '请填写原因',
      enterAmount: '请输入金额',
      enterNumber: '请输入数字，例如 1 或 0.5',
      atMostLeft: '最多可退 {{left}}',
      atMostAmount: '最多可退 {{amount}}',
      wholePieces: '按件销售：请输入整数',
      chooseItems: '请填写要退的商品数量',
      moreThanZero: '请输入大于 0 的金额'
    }
  }
}

export const formErrorMessages = defineMessages(en, zhCN)
