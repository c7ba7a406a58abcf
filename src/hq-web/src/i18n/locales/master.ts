import { defineMessages } from '@renderer/i18n/messages'

const en = {
  hq: {
    nav: { master: 'Master data' },
    master: {
      title: 'Master data',
      subtitle:
        'Catalog, prices, coupons and staff of each store. Every change reaches its online tills within seconds.',
      store: 'Store',
      noStore: 'Create a store first (Stores & tills).',
      revision: 'Revision {{revision}}',
      tabs: {
        products: 'Products',
        categories: 'Categories',
        coupons: 'Coupons',
        staff: 'Staff',
        import: 'CSV import'
      },
      search: 'Filter by SKU, name or barcode',
      saved: 'Published: revision {{revision}}.',
      readOnly: 'Read only: auditors see master data but cannot change it.',
      stores: 'Publish to stores',
      state: { active: 'Active', inactive: 'Inactive' },
      product: {
        new: 'New product',
        edit: 'Edit',
        prices: 'Prices',
        titleNew: 'New product',
        titleEdit: 'Edit {{sku}}',
        sku: 'SKU',
        barcodes: 'Barcodes',
        barcodesHint:
          'Separate several with spaces or |. GTINs (8, 12, 13, 14 digits) need a valid check digit.',
        nameZh: 'Name (Chinese)',
        nameEn: 'Name (English)',
        category: 'Category',
        noCategory: 'No category',
        price: 'Price (¥)',
        priceHint: 'The price in every store chosen; change one store’s under Prices.',
        taxRate: 'Tax rate',
        taxRateHint: 'A decimal such as 0.13 for 13 %.',
        unit: 'Unit',
        units: { piece: 'Piece', kg: 'kg' },
        active: 'On sale',
        inactive: 'Off sale',
        save: 'Publish',
        empty: 'No product in this store yet.',
        columns: {
          sku: 'SKU',
          name: 'Name',
          category: 'Category',
          price: 'Price',
          tax: 'Tax',
          status: 'Status',
          actions: 'Actions'
        }
      },
      prices: {
        title: 'Prices of {{name}}',
        intro: 'Each store sells at its own price. Enter yuan, e.g. 12.50.',
        notSold: 'Not sold here',
        save: 'Publish prices'
      },
      category: {
        new: 'New category',
        titleNew: 'New category',
        titleEdit: 'Edit category {{code}}',
        code: 'Code',
        codeHint: 'Letters, digits, - and _ (up to 20).',
        sortOrder: 'Order',
        empty: 'No category in this store yet.',
        columns: {
          code: 'Code',
          nameZh: 'Chinese',
          nameEn: 'English',
          order: 'Order',
          status: 'Status',
          actions: 'Actions'
        }
      },
      coupon: {
        new: 'New coupon',
        titleNew: 'New coupon',
        titleEdit: 'Edit coupon {{code}}',
        code: 'Code',
        type: 'Type',
        types: { amount: 'Amount off', rate: 'Percentage off' },
        amount: 'Amount off (¥)',
        rate: 'Rate off',
        rateHint: 'A fraction such as 0.10 for 10 % off.',
        minSpend: 'Minimum spend (¥)',
        validFrom: 'Valid from',
        validTo: 'Valid until',
        dateHint: 'YYYY-MM-DD in the store’s time zone; empty for no limit.',
        usageLimit: 'Usage limit (all tills)',
        usageLimitHint:
          'Shared among the store’s tills as allotments, topped up as they sync. Empty for no limit.',
        allotments: 'Till allotments',
        allotment: '{{till}}: {{uses}} handed out, {{used}} used',
        noAllotments: 'No till yet',
        unlimited: 'No limit',
        usedOf: '{{used}} of {{limit}}',
        empty: 'No coupon in this store yet.',
        columns: {
          code: 'Code',
          value: 'Value',
          valid: 'Valid',
          used: 'Used',
          allotments: 'Allotments',
          status: 'Status',
          actions: 'Actions'
        }
      },
      staff: {
        new: 'New person',
        titleNew: 'New person at the tills',
        titleEdit: 'Edit {{username}}',
        username: 'Username',
        displayName: 'Name',
        role: 'Role at the till',
        roles: { cashier: 'Cashier', manager: 'Manager', owner: 'Owner' },
        password: 'Password',
        passwordHint: 'At least 8 characters, not only digits.',
        passwordKeep: 'Leave empty to keep the current password.',
        pin: 'PIN',
        pinHint: '4 to 6 digits, for unlocking and approvals.',
        pinKeep: 'Leave empty to keep the current PIN.',
        secretsNote: 'Password and PIN are hashed at once; only the hashes reach the tills.',
        empty: 'No staff in this store yet.',
        columns: {
          username: 'Username',
          name: 'Name',
          role: 'Role',
          stores: 'Stores',
          status: 'Status',
          actions: 'Actions'
        }
      },
      import: {
        intro:
          'Columns sku, barcodes, name_zh, name_en, category, price, tax_rate, unit, active — the till’s import format (UTF-8, UTF-16 or GBK). Check the file first: nothing is written until you import.',
        file: 'CSV file',
        check: 'Check file',
        summary_one:
          '{{count}} row: {{valid}} valid ({{create}} new, {{update}} to update), {{invalid}} invalid.',
        summary_other:
          '{{count}} rows: {{valid}} valid ({{create}} new, {{update}} to update), {{invalid}} invalid.',
        newCategories: 'New categories: {{codes}}',
        allOrNothing: 'Import all (only if every row is valid)',
        validOnly: 'Import the valid rows only',
        done: 'Imported into {{store}}: {{created}} new, {{updated}} updated, {{skipped}} left out. Revision {{revision}}.',
        errors: 'Problems',
        more: 'More problems than shown; fix these first.',
        columns: {
          line: 'Line',
          column: 'Column',
          problem: 'Problem',
          value: 'Value',
          sku: 'SKU',
          name: 'Name',
          price: 'Price',
          action: 'Action'
        },
        actions: { create: 'New', update: 'Update', invalid: 'Invalid' }
      }
    }
  },
  errors: {
    hq: {
      master: {
        unknownStore: 'no such store',
        unknownCategory: 'no such category',
        unknownProduct: 'no such product',
        unknownCoupon: 'no such coupon',
        unknownStaff: 'no such person',
        categoryCodeTaken: 'code {{code}} is already used in {{store}}',
        categoryNotInStore: '{{store}} has no such category; publish the category to it first',
        skuTaken: 'SKU {{sku}} is already used in {{store}}',
        barcodeTaken: '{{code}} already belongs to {{other}} in {{store}}',
        notSoldInStore: '{{store}} does not sell this product',
        importInvalid: '{{rows}} invalid rows; nothing was imported (first: line {{line}})',
        scaleCodeAtTill: 'scale codes are set on each till; leave this column empty here',
        couponCodeTaken: 'code {{code}} is already used in this store',
        limitBelowAllotted:
          '$t(errors.hq.master.allottedUses, {"count": {{allotted}} }) already handed to the tills ({{used}} used so far); the limit cannot be lower than {{allotted}}',
        allottedUses_one: '{{count}} use is',
        allottedUses_other: '{{count}} uses are',
        ownerRoleOwnerOnly: 'only the head office’s owner may make someone a till owner',
        secretRequired: 'is required for a new person',
        storeNotYours: 'you may not change the staff of that store',
        usernameTaken: '{{username}} is already used in {{store}}'
      }
    }
  }
}

export const masterMessages = defineMessages(en, {
  hq: {
    nav: { master: '主数据' },
    master: {
      title: '主数据',
      subtitle: '各门店的商品、价格、优惠券和员工。每次更改都会在几秒内送达在线的收银台。',
      store: '门店',
      noStore: '请先创建门店（门店与收银台）。',
      revision: '版本 {{revision}}',
      tabs: { products: '商品', categories: '分类', coupons: '优惠券', staff: '员工', import: 'CSV 导入' },
      search: '按编码、名称或条码筛选',
      saved: '已发布：版本 {{revision}}。',
      readOnly: '只读：审计员可以查看主数据，但不能修改。',
      stores: '发布到门店',
      state: { active: '启用', inactive: '停用' },
      product: {
        new: '新建商品',
        edit: '编辑',
        prices: '价格',
        titleNew: '新建商品',
        titleEdit: '编辑 {{sku}}',
        sku: '商品编码',
        barcodes: '条码',
        barcodesHint: '多个条码用空格或 | 分隔。GTIN（8、12、13、14 位）须有正确的校验位。',
        nameZh: '中文名称',
        nameEn: '英文名称',
        category: '分类',
        noCategory: '无分类',
        price: '价格（元）',
        priceHint: '所选各门店的价格；单个门店的价格请在"价格"中修改。',
        taxRate: '税率',
        taxRateHint: '小数，例如 0.13 表示 13%。',
        unit: '单位',
        units: { piece: '件', kg: '千克' },
        active: '在售',
        inactive: '停售',
        save: '发布',
        empty: '此门店还没有商品。',
        columns: {
          sku: '编码',
          name: '名称',
          category: '分类',
          price: '价格',
          tax: '税率',
          status: '状态',
          actions: '操作'
        }
      },
      prices: {
        title: '{{name}} 的价格',
        intro: '每家门店按自己的价格销售。请输入金额（元），例如 12.50。',
        notSold: '本店不售',
        save: '发布价格'
      },
      category: {
        new: '新建分类',
        titleNew: '新建分类',
        titleEdit: '编辑分类 {{code}}',
        code: '分类代码',
        codeHint: '字母、数字、- 和 _（最多 20 个）。',
        sortOrder: '排序',
        empty: '此门店还没有分类。',
        columns: {
          code: '代码',
          nameZh: '中文',
          nameEn: '英文',
          order: '排序',
          status: '状态',
          actions: '操作'
        }
      },
      coupon: {
        new: '新建优惠券',
        titleNew: '新建优惠券',
        titleEdit: '编辑优惠券 {{code}}',
        code: '券码',
        type: '类型',
        types: { amount: '减金额', rate: '按比例折扣' },
        amount: '减免金额（元）',
        rate: '折扣比例',
        rateHint: '小数，例如 0.10 表示减 10%。',
        minSpend: '最低消费（元）',
        validFrom: '生效日期',
        validTo: '截止日期',
        dateHint: 'YYYY-MM-DD，按门店时区；留空表示不限。',
        usageLimit: '使用上限（全部收银台）',
        usageLimitHint: '按配额分给本店各收银台，同步时补足。留空表示不限。',
        allotments: '收银台配额',
        allotment: '{{till}}：已分配 {{uses}} 次，已用 {{used}} 次',
        noAllotments: '还没有收银台',
        unlimited: '不限',
        usedOf: '{{used}} / {{limit}}',
        empty: '此门店还没有优惠券。',
        columns: {
          code: '券码',
          value: '优惠',
          valid: '有效期',
          used: '已用',
          allotments: '配额',
          status: '状态',
          actions: '操作'
        }
      },
      staff: {
        new: '新建员工',
        titleNew: '新建收银台员工',
        titleEdit: '编辑 {{username}}',
        username: '用户名',
        displayName: '姓名',
        role: '收银台角色',
        roles: { cashier: '收银员', manager: '店长', owner: '店主' },
        password: '密码',
        passwordHint: '至少 8 个字符，不能全是数字。',
        passwordKeep: '留空则保留当前密码。',
        pin: 'PIN 码',
        pinHint: '4 到 6 位数字，用于解锁和授权。',
        pinKeep: '留空则保留当前 PIN 码。',
        secretsNote: '密码和 PIN 码会立即加密散列，收银台只收到散列值。',
        empty: '此门店还没有员工。',
        columns: {
          username: '用户名',
          name: '姓名',
          role: '角色',
          stores: '门店',
          status: '状态',
          actions: '操作'
        }
      },
      import: {
        intro:
          '列为 sku、barcodes、name_zh、name_en、category、price、tax_rate、unit、active —— 与收银台的导入格式相同（UTF-8、UTF-16 或 GBK）。请先检查文件：导入前不会写入任何内容。',
        file: 'CSV 文件',
        check: '检查文件',
        summary_one:
          '共 {{count}} 行：有效 {{valid}} 行（新增 {{create}}，更新 {{update}}），无效 {{invalid}} 行。',
        summary_other:
          '共 {{count}} 行：有效 {{valid}} 行（新增 {{create}}，更新 {{update}}），无效 {{invalid}} 行。',
        newCategories: '将新建分类：{{codes}}',
        allOrNothing: '全部导入（仅当所有行都有效）',
        validOnly: '只导入有效行',
        done: '已导入 {{store}}：新增 {{created}}，更新 {{updated}}，跳过 {{skipped}}。版本 {{revision}}。',
        errors: '问题',
        more: '问题多于显示的数量；请先修正这些。',
        columns: {
          line: '行',
          column: '列',
          problem: '问题',
          value: '内容',
          sku: '编码',
          name: '名称',
          price: '价格',
          action: '操作'
        },
        actions: { create: '新增', update: '更新', invalid: '无效' }
      }
    }
  },
  errors: {
    hq: {
      master: {
        unknownStore: '没有这家门店',
        unknownCategory: '没有这个分类',
        unknownProduct: '没有这个商品',
        unknownCoupon: '没有这张优惠券',
        unknownStaff: '没有这名员工',
        categoryCodeTaken: '代码 {{code}} 在 {{store}} 已被使用',
        categoryNotInStore: '{{store}} 没有这个分类；请先把分类发布到该门店',
        skuTaken: '商品编码 {{sku}} 在 {{store}} 已被使用',
        barcodeTaken: '{{code}} 在 {{store}} 已属于 {{other}}',
        notSoldInStore: '{{store}} 不销售这个商品',
        importInvalid: '有 {{rows}} 行无效，未导入任何内容（第一处：第 {{line}} 行）',
        scaleCodeAtTill: '秤码在各收银台上设置；此处请留空该列',
        couponCodeTaken: '券码 {{code}} 在本店已被使用',
        limitBelowAllotted: '已分配给各收银台 {{allotted}} 次（已用 {{used}} 次）；上限不能低于 {{allotted}}',
        allottedUses_one: '{{count}} 次',
        allottedUses_other: '{{count}} 次',
        ownerRoleOwnerOnly: '只有总部的所有者可以把员工设为店主',
        secretRequired: '新员工必须填写',
        storeNotYours: '您不能修改该门店的员工',
        usernameTaken: '用户名 {{username}} 在 {{store}} 已被使用'
      }
    }
  }
})
