import { defineMessages } from '../messages'

const en = {
  receiptSettings: {
    title: 'Receipt',
    hint: 'Printed under the store name on every receipt.',
    address: 'Address',
    phone: 'Phone',
    taxId: 'Tax ID',
    paper: 'Receipt paper',
    paper_80mm: '80 mm roll',
    paper_58mm: '58 mm roll',
    paper_A4: 'A4 sheet',
    save: 'Save receipt settings',
    saved: 'Receipt settings saved',
    phoneLabel: 'Tel.',
    taxIdLabel: 'Tax ID'
  }
}

const zhCN: typeof en = {
  receiptSettings: {
    title: '小票',
    hint: '打印在每张小票的店名下方。',
    address: '地址',
    phone: '电话',
    taxId: '纳税人识别号',
    paper: '小票纸张',
    paper_80mm: '80 毫米热敏纸',
    paper_58mm: '58 毫米热敏纸',
    paper_A4: 'A4 纸',
    save: '保存小票设置',
    saved: '小票设置已保存',
    phoneLabel: '电话',
    taxIdLabel: '税号'
  }
}

export const receiptSettingsMessages = defineMessages(en, zhCN)
