import { CATALOG_MESSAGES } from '@shared/contract'
import { defineMessages } from '../messages'

/**
 * Refusals of the catalog (products, barcodes, scale labels, imports) and of a record not found.
 * The catalog's shared reason table (`CATALOG_MESSAGES`) is its English; the refusals worded in
 * main's services have their English here.
 */
const en = {
  errors: {
    catalog: {
      ...CATALOG_MESSAGES,
      noSuchCode: 'No product has the barcode or SKU {{code}}',
      notOnSale: '{{name}} ({{sku}}) is not on sale',
      barcodeTakenBy: '{{code}} is already used by another product ({{other}})',
      missingColumns: 'The file misses the columns {{missing}} (the header must name {{columns}})',
      importRefused:
        'Line {{line}}, {{column}} is refused (and $t(errors.catalog.moreProblems, {"count": {{more}} })); nothing was imported',
      moreProblems_one: '{{count}} more problem',
      moreProblems_other: '{{count}} more problems',
      noValidRows: 'No valid rows to import; nothing was imported',
      repeatedSku: 'appears again (first on line {{line}})',
      repeatedBarcode: '{{code}} is also on line {{line}}',
      unknownCategoryLong:
        "no such category; use a category's code or name, or a new code of letters and digits"
    },
    notFound: {
      order: 'That order was not found',
      orderLine: 'That line of the order was not found',
      cart: 'That cart was not found',
      cartLine: 'That line of the cart was not found',
      coupon: 'That coupon was not found',
      couponOnCart: 'That coupon is not on this cart',
      product: 'That product was not found',
      shift: 'That shift was not found',
      tender: 'That payment was not found',
      user: 'That person was not found'
    }
  }
}

export const catalogErrorMessages = defineMessages(en, {
  errors: {
    catalog: {
      required: '必须填写',
      empty: '不能为空',
      skuFormat: '请用 1 到 40 个字符，不含空格、逗号或 |',
      barcodeFormat: '请用 1 到 32 个字母、数字、点、横线或下划线',
      barcodeRepeated: '同一个条码填了两次',
      tooManyBarcodes: '最多 20 个条码',
      nameTooLong: '最多 120 个字',
      priceFormat: '必须是数字，例如 "12.50"',
      priceNegative: '不能为负数',
      taxRateFormat: '税率须在 0 到 1 之间（不含 1），最多 4 位小数，例如 0.13',
      unit: '必须是 piece（件）或 kg（千克）',
      categoryCode: '请用 1 到 20 个字母、数字、横线或下划线',
      sortOrder: '必须是 0 到 9999 的整数',
      skuTaken: '已被其他商品使用',
      barcodeTaken: '已被其他商品使用',
      categoryCodeTaken: '已被其他分类使用',
      unknownCategory: '没有这个分类',
      active: '必须是 true 或 false（也可以 yes/no、1/0、是/否）',
      noSuchCode: '没有条码或货号为 {{code}} 的商品',
      notOnSale: '{{name}}（{{sku}}）已下架',
      barcodeTakenBy: '条码 {{code}} 已被其他商品使用（{{other}}）',
      missingColumns: '文件缺少列 {{missing}}（表头须包含 {{columns}}）',
      importRefused:
        '第 {{line}} 行 {{column}} 有误（另有 $t(errors.catalog.moreProblems, {"count": {{more}} })），未导入任何内容',
      moreProblems_one: '{{count}} 处问题',
      moreProblems_other: '{{count}} 处问题',
      noValidRows: '没有可导入的有效行，未导入任何内容',
      repeatedSku: '货号重复（第 {{line}} 行已出现）',
      repeatedBarcode: '条码 {{code}} 在第 {{line}} 行也出现了',
      unknownCategoryLong: '没有这个分类；请填分类代码或名称，或用字母数字填一个新分类代码',
      scaleCode: '请填 4 到 6 位数字，与电子秤上的商品码一致',
      scaleCodeTaken: '已是其他商品的秤码'
    },
    notFound: {
      order: '找不到该订单',
      orderLine: '找不到该订单行',
      cart: '找不到该购物车',
      cartLine: '找不到该购物车商品行',
      coupon: '找不到该优惠券',
      couponOnCart: '该优惠券不在此购物车上',
      product: '找不到该商品',
      shift: '找不到该班次',
      tender: '找不到该笔支付',
      user: '找不到该人员'
    }
  }
})
