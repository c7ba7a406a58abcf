import { ean13CheckDigit } from '../../src/main/services/demo-catalog'

// A large, deterministic catalog for search tests and benchmarks: names combine a flavour, a kind of
// goods and a size in both languages, so every word appears in thousands of products.

const FLAVOURS = [
  ['红烧', 'Braised'],
  ['香辣', 'Spicy'],
  ['原味', 'Original'],
  ['麻辣', 'Numbing'],
  ['清爽', 'Light'],
  ['经典', 'Classic'],
  ['低糖', 'Low-sugar'],
  ['特浓', 'Extra-strong'],
  ['鲜榨', 'Fresh-pressed'],
  ['有机', 'Organic'],
  ['蜂蜜', 'Honey'],
  ['芝士', 'Cheese']
] as const

const KINDS = [
  ['牛肉面', 'beef noodles'],
  ['薯片', 'potato chips'],
  ['酸奶', 'yogurt'],
  ['绿茶', 'green tea'],
  ['饼干', 'biscuits'],
  ['果汁', 'juice'],
  ['咖啡', 'coffee'],
  ['豆浆', 'soy milk'],
  ['面包', 'bread'],
  ['火腿肠', 'ham sausage'],
  ['巧克力', 'chocolate'],
  ['矿泉水', 'mineral water'],
  ['洗发水', 'shampoo'],
  ['牙膏', 'toothpaste'],
  ['大米', 'rice']
] as const

export interface GeneratedProduct {
  sku: string
  barcode: string
  nameZh: string
  nameEn: string
  price: string
  taxRate: string
}

/** Product `i` of the generated catalog (0-based): SKU `GEN-00001`…, barcode `693…` with its check digit. */
export function generatedProduct(i: number): GeneratedProduct {
  const flavour = FLAVOURS[i % FLAVOURS.length]!
  const kind = KINDS[Math.floor(i / FLAVOURS.length) % KINDS.length]!
  const size = 50 + (i % 37) * 10
  const n = i + 1
  const first12 = `693${String(n).padStart(9, '0')}`
  return {
    sku: `GEN-${String(n).padStart(5, '0')}`,
    barcode: `${first12}${ean13CheckDigit(first12)}`,
    nameZh: `${flavour[0]}${kind[0]} ${size}g 第${n}号`,
    nameEn: `${flavour[1]} ${kind[1]} ${size}g no. ${n}`,
    price: `${1 + (i % 97)}.${String((i * 7) % 100).padStart(2, '0')}`,
    taxRate: i % 10 === 0 ? '0.09' : '0.13'
  }
}

/** The first `count` generated products as a products CSV. */
export function generatedCsv(count: number, category = ''): string {
  const lines = ['sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active']
  for (let i = 0; i < count; i++) {
    const p = generatedProduct(i)
    lines.push(
      [p.sku, p.barcode, p.nameZh, p.nameEn, category, p.price, p.taxRate, 'piece', 'true'].join(',')
    )
  }
  return `${lines.join('\n')}\n`
}
