import { defineMessages } from '../messages'

/**
 * Why a dialog's primary action cannot be taken yet, found on the till before anything is sent and
 * shown beside the field that blocks it (refund, void, cash in/out, shift counts, log-in). Sentences,
 * so never prefixed with the field's name.
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
      moreThanZero: 'Enter an amount greater than 0',
      fixCount: 'Correct the boxes marked in red: {{fields}}',
      countTooLarge: 'The count is too large to add up: check the boxes',
      countBlank: 'Count the drawer first: enter what each box holds (0 for none)',
      listSeparator: ', ',
      enterUsername: 'Enter your username',
      enterPassword: 'Enter your password',
      enterApprover: 'Enter the approver’s username',
      pinDigits: 'Enter 4 to 6 digits',
      enterCoupon: 'Enter a coupon code',
      chooseRating: 'Choose 1 to 5 stars'
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
      moreThanZero: '请输入大于 0 的金额',
      fixCount: '请更正标红的栏位：{{fields}}',
      countTooLarge: '清点金额过大，无法合计：请检查各栏',
      countBlank: '请先清点钱箱：在各栏填入数量（没有填 0）',
      listSeparator: '、',
      enterUsername: '请输入用户名',
      enterPassword: '请输入密码',
      enterApprover: '请输入授权人用户名',
      pinDigits: '请输入 4 到 6 位数字',
      enterCoupon: '请输入优惠券码',
      chooseRating: '请选择 1 到 5 星'
    }
  }
}

export const formErrorMessages = defineMessages(en, zhCN)
