import type { ProductUnit } from '@shared/contract'

// The demo shop's catalog: a Chinese convenience store / small grocery, generated deterministically
// (same SKUs, barcodes and prices on every machine), prices in CNY. Tax rates follow China's VAT
// as a shop meets it: 13% for most goods, 9% for staples (rice, edible oil, eggs, liquid milk),
// 0% for fresh vegetables and fruit (exempt at retail).

export interface DemoCategory {
  code: string
  nameZh: string
  nameEn: string
  sortOrder: number
}

export interface DemoProduct {
  sku: string
  barcodes: string[]
  nameZh: string
  nameEn: string
  category: string
  /** CNY, as a decimal string. */
  price: string
  taxRate: string
  unit: ProductUnit
  /**
   * Goods sold by weight: the item code the shop scale prints in its labels, which the default
   * layouts read (`21 IIIII WWWWW C` weight, `22 IIIII PPPPP C` price).
   */
  scaleCode?: string
}

/** [name zh, name en, price in CNY, tax rate (default the category's), unit (default piece)] */
type Item = readonly [string, string, string, string?, ProductUnit?]

interface Section extends DemoCategory {
  prefix: string
  taxRate: string
  items: readonly Item[]
}

const SECTIONS: readonly Section[] = [
  {
    code: 'DRINKS',
    nameZh: '饮料',
    nameEn: 'Drinks',
    sortOrder: 10,
    prefix: 'DRK',
    taxRate: '0.13',
    items: [
      ['饮用天然水 550ml', 'Natural spring water 550ml', '2.00'],
      ['饮用天然水 1.5L', 'Natural spring water 1.5L', '4.00'],
      ['可乐 330ml 罐装', 'Cola 330ml can', '3.00'],
      ['可乐 500ml', 'Cola 500ml', '3.50'],
      ['无糖可乐 500ml', 'Zero-sugar cola 500ml', '3.50'],
      ['雪碧柠檬汽水 500ml', 'Lemon-lime soda 500ml', '3.50'],
      ['冰红茶 500ml', 'Iced black tea 500ml', '3.50'],
      ['绿茶 500ml', 'Green tea 500ml', '3.50'],
      ['无糖乌龙茶 500ml', 'Unsweetened oolong tea 500ml', '5.00'],
      ['橙汁 450ml', 'Orange juice 450ml', '5.50'],
      ['苏打气泡水 白桃味 480ml', 'White peach sparkling water 480ml', '5.00'],
      ['功能饮料 250ml', 'Energy drink 250ml', '6.00'],
      ['运动饮料 600ml', 'Sports drink 600ml', '5.00'],
      ['凉茶 310ml 罐装', 'Herbal tea 310ml can', '4.00'],
      ['椰汁 245ml', 'Coconut milk drink 245ml', '4.50'],
      ['罐装咖啡 拿铁 240ml', 'Canned latte 240ml', '7.00'],
      ['纯生啤酒 500ml', 'Draft beer 500ml', '6.50'],
      ['清爽啤酒 330ml 罐装', 'Light lager 330ml can', '4.00'],
      ['酸梅汤 500ml', 'Sour plum drink 500ml', '4.50'],
      ['豆奶 250ml', 'Soy milk 250ml', '3.00']
    ]
  },
  {
    code: 'DAIRY',
    nameZh: '乳品蛋类',
    nameEn: 'Dairy & eggs',
    sortOrder: 20,
    prefix: 'DAI',
    taxRate: '0.09',
    items: [
      ['纯牛奶 250ml', 'Whole milk 250ml', '3.50'],
      ['纯牛奶 1L', 'Whole milk 1L', '12.80'],
      ['低脂牛奶 250ml', 'Low-fat milk 250ml', '3.80'],
      ['鲜牛奶 950ml', 'Fresh milk 950ml', '15.90'],
      ['原味酸奶 200g', 'Plain yogurt 200g', '5.50', '0.13'],
      ['草莓酸奶 200g', 'Strawberry yogurt 200g', '5.50', '0.13'],
      ['希腊酸奶 135g', 'Greek yogurt 135g', '8.90', '0.13'],
      ['乳酸菌饮品 100ml×5', 'Probiotic drink 100ml ×5', '9.90', '0.13'],
      ['儿童成长牛奶 190ml', "Kids' growing-up milk 190ml", '4.50'],
      ['核桃奶 250ml', 'Walnut milk drink 250ml', '4.00', '0.13'],
      ['奶酪片 166g', 'Cheese slices 166g', '19.90', '0.13'],
      ['黄油 200g', 'Butter 200g', '26.80', '0.13'],
      ['鲜鸡蛋 10枚', 'Fresh eggs ×10', '13.90'],
      ['土鸡蛋 6枚', 'Free-range eggs ×6', '12.80'],
      ['咸鸭蛋 4枚', 'Salted duck eggs ×4', '9.90', '0.13'],
      ['皮蛋 6枚', 'Century eggs ×6', '10.80', '0.13'],
      ['淡奶油 250ml', 'Whipping cream 250ml', '18.50', '0.13'],
      ['燕麦奶 1L', 'Oat drink 1L', '16.90', '0.13'],
      ['炼乳 185g', 'Condensed milk 185g', '8.50', '0.13'],
      ['鹌鹑蛋 20枚', 'Quail eggs ×20', '9.80']
    ]
  },
  {
    code: 'SNACKS',
    nameZh: '休闲零食',
    nameEn: 'Snacks',
    sortOrder: 30,
    prefix: 'SNK',
    taxRate: '0.13',
    items: [
      ['原味薯片 70g', 'Original potato chips 70g', '7.50'],
      ['黄瓜味薯片 70g', 'Cucumber potato chips 70g', '7.50'],
      ['番茄味薯片 104g', 'Tomato potato chips 104g', '9.90'],
      ['夹心饼干 97g', 'Sandwich cookies 97g', '5.50'],
      ['苏打饼干 400g', 'Soda crackers 400g', '12.80'],
      ['牛奶巧克力 43g', 'Milk chocolate bar 43g', '6.50'],
      ['黑巧克力 100g', 'Dark chocolate 100g', '15.90'],
      ['口香糖 薄荷味', 'Mint chewing gum', '3.50'],
      ['水果软糖 100g', 'Fruit gummies 100g', '6.90'],
      ['麻辣辣条 106g', 'Spicy gluten strips 106g', '3.00'],
      ['牛肉干 五香味 100g', 'Five-spice beef jerky 100g', '29.90'],
      ['卤鸡爪 120g', 'Braised chicken feet 120g', '12.90'],
      ['五香瓜子 260g', 'Five-spice sunflower seeds 260g', '9.90'],
      ['开心果 150g', 'Pistachios 150g', '26.80'],
      ['每日坚果 25g', 'Daily mixed nuts 25g', '4.50'],
      ['海苔脆片 40g', 'Crispy seaweed 40g', '9.90'],
      ['米饼 雪饼 84g', 'Rice crackers 84g', '5.90'],
      ['蛋黄派 6枚', 'Custard cakes ×6', '10.90'],
      ['爆米花 焦糖味 100g', 'Caramel popcorn 100g', '8.50'],
      ['山楂片 200g', 'Hawthorn slices 200g', '7.80']
    ]
  },
  {
    code: 'INSTANT',
    nameZh: '方便速食',
    nameEn: 'Instant food',
    sortOrder: 40,
    prefix: 'INS',
    taxRate: '0.13',
    items: [
      ['红烧牛肉面 袋装', 'Braised beef noodles (bag)', '3.50'],
      ['红烧牛肉面 桶装', 'Braised beef noodles (cup)', '5.00'],
      ['老坛酸菜牛肉面 桶装', 'Pickled cabbage beef noodles (cup)', '5.00'],
      ['鲜虾鱼板面 袋装', 'Shrimp & fish cake noodles (bag)', '3.50'],
      ['螺蛳粉 335g', 'Luosifen river-snail rice noodles 335g', '13.90'],
      ['酸辣粉 130g', 'Hot and sour glass noodles 130g', '7.90'],
      ['自热米饭 鱼香肉丝', 'Self-heating rice, yu-xiang pork', '19.90'],
      ['自热火锅 麻辣牛肉', 'Self-heating spicy beef hotpot', '29.90'],
      ['火腿肠 30g×9', 'Ham sausages 30g ×9', '11.50'],
      ['午餐肉罐头 340g', 'Luncheon meat 340g can', '16.80'],
      ['八宝粥 360g', 'Eight-treasure congee 360g', '4.80'],
      ['速溶咖啡 15g×10', 'Instant coffee 15g ×10', '19.90'],
      ['冲泡燕麦片 560g', 'Instant oatmeal 560g', '15.90'],
      ['豆浆粉 30g×10', 'Soy milk powder 30g ×10', '16.50'],
      ['紫菜蛋花汤 8g×5', 'Seaweed egg drop soup 8g ×5', '9.90'],
      ['卤蛋 30g×5', 'Marinated eggs 30g ×5', '8.50'],
      ['榨菜 80g', 'Pickled mustard tuber 80g', '2.50'],
      ['即食鸡胸肉 100g', 'Ready-to-eat chicken breast 100g', '11.90'],
      ['方便粉丝 65g', 'Instant vermicelli 65g', '4.50'],
      ['饭团 金枪鱼', 'Tuna rice ball', '6.50']
    ]
  },
  {
    code: 'PANTRY',
    nameZh: '粮油调味',
    nameEn: 'Rice, oil & seasoning',
    sortOrder: 50,
    prefix: 'PAN',
    taxRate: '0.09',
    items: [
      ['东北大米 5kg', 'Northeast rice 5kg', '39.90'],
      ['泰国香米 2.5kg', 'Thai jasmine rice 2.5kg', '32.80'],
      ['高筋面粉 2.5kg', 'Bread flour 2.5kg', '21.90'],
      ['挂面 1kg', 'Dried noodles 1kg', '9.90'],
      ['花生油 1.8L', 'Peanut oil 1.8L', '49.90'],
      ['大豆油 5L', 'Soybean oil 5L', '62.90'],
      ['菜籽油 1.8L', 'Rapeseed oil 1.8L', '29.90'],
      ['生抽酱油 500ml', 'Light soy sauce 500ml', '8.90', '0.13'],
      ['老抽酱油 500ml', 'Dark soy sauce 500ml', '9.50', '0.13'],
      ['陈醋 500ml', 'Aged vinegar 500ml', '7.90', '0.13'],
      ['蚝油 510g', 'Oyster sauce 510g', '11.90', '0.13'],
      ['精制食盐 400g', 'Table salt 400g', '2.50', '0.13'],
      ['白砂糖 500g', 'White sugar 500g', '6.90', '0.13'],
      ['鸡精 200g', 'Chicken bouillon powder 200g', '10.90', '0.13'],
      ['郫县豆瓣酱 500g', 'Pixian chili bean paste 500g', '12.90', '0.13'],
      ['老干妈风味豆豉 280g', 'Chili oil with black beans 280g', '12.50', '0.13'],
      ['火锅底料 麻辣 200g', 'Spicy hotpot base 200g', '15.90', '0.13'],
      ['香油 220ml', 'Sesame oil 220ml', '16.90'],
      ['料酒 500ml', 'Cooking wine 500ml', '6.50', '0.13'],
      ['小米 1kg', 'Millet 1kg', '12.90']
    ]
  },
  {
    code: 'PRODUCE',
    nameZh: '生鲜果蔬',
    nameEn: 'Fresh produce',
    sortOrder: 60,
    prefix: 'PRO',
    taxRate: '0',
    items: [
      ['红富士苹果', 'Fuji apples', '12.80', undefined, 'kg'],
      ['香蕉', 'Bananas', '7.98', undefined, 'kg'],
      ['砂糖橘', 'Shatang mandarins', '9.90', undefined, 'kg'],
      ['皇冠梨', 'Crown pears', '8.80', undefined, 'kg'],
      ['麒麟西瓜', 'Qilin watermelon', '4.98', undefined, 'kg'],
      ['阳光玫瑰葡萄', 'Shine Muscat grapes', '39.80', undefined, 'kg'],
      ['猕猴桃', 'Kiwifruit', '16.80', undefined, 'kg'],
      ['西红柿', 'Tomatoes', '6.98', undefined, 'kg'],
      ['黄瓜', 'Cucumbers', '5.98', undefined, 'kg'],
      ['土豆', 'Potatoes', '3.98', undefined, 'kg'],
      ['大白菜', 'Napa cabbage', '2.58', undefined, 'kg'],
      ['胡萝卜', 'Carrots', '3.98', undefined, 'kg'],
      ['西兰花', 'Broccoli', '11.80', undefined, 'kg'],
      ['菠菜', 'Spinach', '8.80', undefined, 'kg'],
      ['青椒', 'Green peppers', '7.98', undefined, 'kg'],
      ['洋葱', 'Onions', '3.58', undefined, 'kg'],
      ['生姜', 'Ginger', '15.80', undefined, 'kg'],
      ['大蒜', 'Garlic', '13.80', undefined, 'kg'],
      ['香菇', 'Shiitake mushrooms', '19.80', undefined, 'kg'],
      ['小葱 一把', 'Spring onions, bunch', '2.00']
    ]
  },
  {
    code: 'BAKERY',
    nameZh: '面包糕点',
    nameEn: 'Bakery',
    sortOrder: 70,
    prefix: 'BAK',
    taxRate: '0.13',
    items: [
      ['全麦吐司 400g', 'Whole wheat toast 400g', '12.90'],
      ['牛奶吐司 400g', 'Milk toast 400g', '11.90'],
      ['肉松面包', 'Pork floss bun', '6.50'],
      ['菠萝包', 'Pineapple bun', '5.50'],
      ['红豆面包', 'Red bean bun', '5.00'],
      ['奶油面包', 'Cream bun', '5.50'],
      ['可颂 2个装', 'Croissants ×2', '12.00'],
      ['法式长棍', 'Baguette', '9.90'],
      ['手撕面包 500g', 'Pull-apart bread 500g', '16.90'],
      ['蛋糕卷 巧克力', 'Chocolate Swiss roll', '13.50'],
      ['芝士蛋糕 切块', 'Cheesecake slice', '15.00'],
      ['铜锣烧 2个装', 'Dorayaki ×2', '8.90'],
      ['蛋挞 4个装', 'Egg tarts ×4', '14.00'],
      ['月饼 豆沙 100g', 'Red bean mooncake 100g', '8.00'],
      ['绿豆糕 200g', 'Mung bean cakes 200g', '12.80'],
      ['沙琪玛 470g', 'Sachima 470g', '15.90'],
      ['华夫饼 6枚', 'Waffles ×6', '11.80'],
      ['玛德琳蛋糕 6枚', 'Madeleines ×6', '13.90'],
      ['豆沙包 4个装', 'Red bean steamed buns ×4', '9.00'],
      ['贝果 原味', 'Plain bagel', '7.50']
    ]
  },
  {
    code: 'FROZEN',
    nameZh: '冷冻冷藏',
    nameEn: 'Frozen & chilled',
    sortOrder: 80,
    prefix: 'FRZ',
    taxRate: '0.13',
    items: [
      ['猪肉白菜水饺 1kg', 'Pork & cabbage dumplings 1kg', '26.90'],
      ['三鲜水饺 500g', 'Three-delicacy dumplings 500g', '18.90'],
      ['虾仁馄饨 400g', 'Shrimp wontons 400g', '22.80'],
      ['黑芝麻汤圆 400g', 'Black sesame tangyuan 400g', '12.90'],
      ['小笼包 480g', 'Xiaolongbao soup dumplings 480g', '23.90'],
      ['手抓饼 10片', 'Scallion flatbreads ×10', '19.90'],
      ['速冻玉米 2根', 'Frozen sweetcorn ×2', '9.90'],
      ['冷冻鸡翅中 500g', 'Frozen chicken wings 500g', '29.90'],
      ['肥牛卷 250g', 'Sliced beef for hotpot 250g', '32.90'],
      ['鱼丸 250g', 'Fish balls 250g', '11.90'],
      ['蟹棒 250g', 'Crab sticks 250g', '12.50'],
      ['香草冰淇淋 盒装', 'Vanilla ice cream tub', '25.00'],
      ['巧克力脆皮雪糕', 'Chocolate-coated ice cream bar', '5.00'],
      ['绿豆冰棒', 'Mung bean ice lolly', '2.00'],
      ['冰块 1kg', 'Ice cubes 1kg', '5.00'],
      ['冷鲜猪里脊', 'Chilled pork tenderloin', '39.80', undefined, 'kg'],
      ['冷鲜鸡胸肉', 'Chilled chicken breast', '23.80', undefined, 'kg'],
      ['冷鲜牛腩', 'Chilled beef brisket', '79.80', undefined, 'kg'],
      ['豆腐 400g', 'Tofu 400g', '3.50', '0.09'],
      ['鲜湿面条 500g', 'Fresh noodles 500g', '5.90', '0.09']
    ]
  },
  {
    code: 'HOUSEHOLD',
    nameZh: '日用百货',
    nameEn: 'Household',
    sortOrder: 90,
    prefix: 'HOU',
    taxRate: '0.13',
    items: [
      ['抽纸 3层 100抽×6', 'Facial tissues 3-ply 100 ×6', '16.90'],
      ['卷纸 4层 10卷', 'Toilet rolls 4-ply ×10', '29.90'],
      ['湿巾 80片', 'Wet wipes ×80', '9.90'],
      ['洗衣液 2kg', 'Laundry liquid 2kg', '29.90'],
      ['洗洁精 1.5kg', 'Dish soap 1.5kg', '13.90'],
      ['垃圾袋 中号 100只', 'Bin bags, medium ×100', '9.90'],
      ['保鲜膜 30m', 'Cling film 30m', '12.80'],
      ['一次性筷子 50双', 'Disposable chopsticks ×50', '6.50'],
      ['打火机', 'Lighter', '2.00'],
      ['5号电池 4节', 'AA batteries ×4', '12.00'],
      ['雨伞 折叠', 'Folding umbrella', '29.90'],
      ['一次性口罩 10只', 'Disposable masks ×10', '9.90'],
      ['蚊香 10盘', 'Mosquito coils ×10', '8.50'],
      ['厨房纸巾 2卷', 'Kitchen towels ×2', '11.50'],
      ['钢丝球 4个', 'Steel scourers ×4', '5.00'],
      ['数据线 Type-C 1m', 'USB-C cable 1m', '19.90'],
      ['购物袋 大号', 'Shopping bag, large', '0.30'],
      ['购物袋 小号', 'Shopping bag, small', '0.20'],
      ['拖鞋 一双', 'Slippers, one pair', '15.00'],
      ['衣架 10只', 'Clothes hangers ×10', '12.90']
    ]
  },
  {
    code: 'CARE',
    nameZh: '个人护理',
    nameEn: 'Personal care',
    sortOrder: 100,
    prefix: 'CAR',
    taxRate: '0.13',
    items: [
      ['牙膏 薄荷 120g', 'Mint toothpaste 120g', '12.90'],
      ['软毛牙刷 2支', 'Soft toothbrushes ×2', '9.90'],
      ['洗发水 400ml', 'Shampoo 400ml', '35.90'],
      ['护发素 400ml', 'Conditioner 400ml', '35.90'],
      ['沐浴露 720ml', 'Shower gel 720ml', '29.90'],
      ['香皂 115g', 'Bar soap 115g', '4.50'],
      ['洗手液 500ml', 'Hand wash 500ml', '15.90'],
      ['洗面奶 100g', 'Facial cleanser 100g', '25.00'],
      ['润唇膏', 'Lip balm', '12.00'],
      ['护手霜 50g', 'Hand cream 50g', '15.00'],
      ['卫生巾 日用 10片', 'Sanitary pads, day ×10', '13.90'],
      ['剃须刀 3支', 'Disposable razors ×3', '16.50'],
      ['棉签 200支', 'Cotton buds ×200', '5.50'],
      ['创可贴 20片', 'Plasters ×20', '6.50'],
      ['漱口水 500ml', 'Mouthwash 500ml', '22.90'],
      ['牙线棒 50支', 'Floss picks ×50', '9.90'],
      ['防晒霜 SPF50 40ml', 'Sunscreen SPF50 40ml', '59.00'],
      ['花露水 195ml', 'Floral water 195ml', '12.50'],
      ['纸尿裤 L码 30片', 'Nappies, size L ×30', '69.00'],
      ['梳子', 'Comb', '8.00']
    ]
  }
]

export const DEMO_CATEGORIES: readonly DemoCategory[] = SECTIONS.map(
  ({ code, nameZh, nameEn, sortOrder }) => ({
    code,
    nameZh,
    nameEn,
    sortOrder
  })
)

/**
 * The EAN-13 check digit of 12 digits: weights 1, 3, 1, 3… from the left, and the digit that brings
 * the sum to a multiple of 10.
 *
 * @example ean13CheckDigit('690123456789') // 2 → 6901234567892
 * @throws RangeError unless given exactly 12 digits (a bug in the caller, never a person's input)
 */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12))
    throw new RangeError(`EAN-13 needs 12 digits before the check digit: ${first12}`)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10
}

/** `true` for 13 digits whose last is the check digit of the first 12. */
export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12])
}

function ean13(first12: string): string {
  return `${first12}${ean13CheckDigit(first12)}`
}

/**
 * The demo products, always the same: packaged goods get "690" (China) barcodes, goods sold by
 * weight in-store "20" codes (restricted circulation) and a 5-digit scale item code (the section and
 * item, `07001`) that the scale prints into its `21…`/`22…` labels; every fifth product also has a
 * second barcode (a multipack or older packaging).
 */
export function demoProducts(): DemoProduct[] {
  const out: DemoProduct[] = []
  SECTIONS.forEach((section, s) => {
    section.items.forEach(([nameZh, nameEn, price, taxRate, unit], i) => {
      const item = `${String(s + 1).padStart(2, '0')}${String(i + 1).padStart(3, '0')}`
      const weighed = (unit ?? 'piece') === 'kg'
      const barcodes = [ean13(weighed ? `2000000${item}` : `6923456${item}`)]
      if (!weighed && (s * 20 + i) % 5 === 4) barcodes.push(ean13(`6987654${item}`))
      out.push({
        sku: `${section.prefix}-${String(i + 1).padStart(3, '0')}`,
        barcodes,
        nameZh,
        nameEn,
        category: section.code,
        price,
        taxRate: taxRate ?? section.taxRate,
        unit: unit ?? 'piece',
        ...(weighed ? { scaleCode: item } : {})
      })
    })
  })
  return out
}
