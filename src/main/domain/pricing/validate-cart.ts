import { isKnownCurrency, minorDigits } from '../../../shared/money/currencies'
import { emptyScan, scaledMagnitude, scanDecimal, type DecimalScan } from '../../../shared/money/decimal-scan'
import { toDecimalString } from '../../../shared/money/decimal-string'
import {
  DISCOUNT_TYPE,
  EMPTY,
  NOT_A_DECIMAL,
  NOT_A_STRING,
  NOT_AN_ARRAY,
  NOT_AN_OBJECT,
  REQUIRED,
  CASH_ROUNDING_MODE,
  ROUNDING_MODE,
  TAX_MODE,
  UNKNOWN_CURRENCY,
  UNKNOWN_FIELD
} from '../../../shared/schemas/cart-messages'
import {
  amountProblem,
  incrementProblem,
  QUANTITY_DIGITS,
  quantityProblem,
  rateProblem
} from '../../../shared/schemas/cart-rules'
import { rateFromScan, ZERO_RATE, type Rate } from '../money/rate'
import { CartValidationError } from './cart-validation-error'
import type { ValidCart, ValidCoupon, ValidDiscount, ValidLine } from './valid-cart'

// The rules and words of the zod `cartInputSchema`, walked by hand: `kassa quote` checks 100,000 lines in a
// blink this way. Fields are checked in the order the spec lists them and the first problem is
// reported; a field's path (`lines[0].quantity`) is only spelled out when it is being refused.

type Fields = Record<string, unknown>

const CART_FIELDS = new Set([
  'currency',
  'rounding',
  'taxMode',
  'cashIncrement',
  'cashRoundingMode',
  'lines',
  'coupons'
])
const LINE_FIELDS = new Set(['sku', 'quantity', 'unitPrice', 'taxRate', 'discount'])
const DISCOUNT_FIELDS = { rate: new Set(['type', 'rate']), amount: new Set(['type', 'amount']) }
const COUPON_FIELDS = {
  rate: new Set(['code', 'type', 'rate', 'minSpend']),
  amount: new Set(['code', 'type', 'amount', 'minSpend'])
}
const ROUNDING_MODES = ['half-up', 'half-even'] as const
const TAX_MODES = ['inclusive', 'exclusive'] as const
const CASH_ROUNDING_MODES = ['half-up', 'down'] as const
const DISCOUNT_TYPES = ['rate', 'amount'] as const

/** `quantity` under `carts[3].lines[0]` is `carts[3].lines[0].quantity`. */
export function join(path: string, key: string): string {
  if (key === '') return path
  return path === '' ? key : `${path}.${key}`
}

export function refuse(path: string, key: string, message: string): never {
  throw new CartValidationError(join(path, key), message)
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readFields(value: unknown, path: string, key: string): Fields {
  if (value === undefined) refuse(path, key, REQUIRED)
  if (!isFields(value)) refuse(path, key, NOT_AN_OBJECT)
  return value
}

function refuseUnknownFields(fields: Fields, known: ReadonlySet<string>, path: string): void {
  for (const key in fields) if (!known.has(key)) refuse(path, key, UNKNOWN_FIELD)
}

function readString(value: unknown, path: string, key: string): string {
  if (value === undefined) refuse(path, key, REQUIRED)
  if (typeof value !== 'string') refuse(path, key, NOT_A_STRING)
  return value
}

function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  path: string,
  key: string,
  message: string
): T {
  if (value === undefined) refuse(path, key, REQUIRED)
  return choices.includes(value as T) ? (value as T) : refuse(path, key, message)
}

/**
 * Reads one cart's fields; `scan` is reused for every decimal so 100,000 lines allocate nothing for it.
 * Shared with `validateMinorCart`, which reads stored rows by the same rules and words.
 */
export class CartReader {
  private readonly scan: DecimalScan = emptyScan()
  // A cart uses a handful of distinct rates (VAT bands, a discount or two): read each spelling once.
  private readonly rates = new Map<string, Rate>()

  constructor(
    readonly currency: string,
    readonly digits: number
  ) {}

  private decimal(value: unknown, path: string, key: string): DecimalScan {
    if (value === undefined) refuse(path, key, REQUIRED)
    const text = typeof value === 'string' ? value : toDecimalString(value)
    return (text === undefined ? undefined : scanDecimal(text, this.scan)) ?? refuse(path, key, NOT_A_DECIMAL)
  }

  amount(value: unknown, path: string, key: string): number {
    const scan = this.decimal(value, path, key)
    const problem = amountProblem(scan, this.digits, this.currency)
    return problem === undefined ? scaledMagnitude(scan, this.digits) : refuse(path, key, problem)
  }

  increment(value: unknown, path: string, key: string): number {
    const scan = this.decimal(value, path, key)
    const problem = incrementProblem(scan, this.digits, this.currency)
    return problem === undefined ? scaledMagnitude(scan, this.digits) : refuse(path, key, problem)
  }

  rate(value: unknown, path: string, key: string): Rate {
    const known = typeof value === 'string' ? this.rates.get(value) : undefined
    if (known !== undefined) return known
    const scan = this.decimal(value, path, key)
    const problem = rateProblem(scan)
    if (problem !== undefined) refuse(path, key, problem)
    const rate = rateFromScan(toDecimalString(value) as string, scan)
    if (typeof value === 'string') this.rates.set(value, rate)
    return rate
  }

  quantityMilli(value: unknown, path: string, key: string): number {
    const scan = this.decimal(value, path, key)
    const problem = quantityProblem(scan)
    return problem === undefined ? scaledMagnitude(scan, QUANTITY_DIGITS) : refuse(path, key, problem)
  }

  discount(
    fields: Fields,
    path: string,
    known: Record<ValidDiscount['type'], ReadonlySet<string>>
  ): ValidDiscount {
    const type = readChoice(fields.type, DISCOUNT_TYPES, path, 'type', DISCOUNT_TYPE)
    const discount: ValidDiscount =
      type === 'rate'
        ? { type, rate: this.rate(fields.rate, path, 'rate') }
        : { type, amount: this.amount(fields.amount, path, 'amount') }
    refuseUnknownFields(fields, known[type], path)
    return discount
  }

  line(value: unknown, lines: string, index: number): ValidLine {
    const path = `${lines}[${index}]`
    const fields = readFields(value, path, '')
    const { sku, discount, taxRate } = fields
    const line: ValidLine = {
      sku: sku === undefined ? undefined : readString(sku, path, 'sku'),
      quantityMilli: this.quantityMilli(fields.quantity, path, 'quantity'),
      unitPrice: this.amount(fields.unitPrice, path, 'unitPrice'),
      taxRate: taxRate === undefined ? ZERO_RATE : this.rate(taxRate, path, 'taxRate'),
      discount:
        discount === undefined
          ? undefined
          : this.discount(readFields(discount, path, 'discount'), join(path, 'discount'), DISCOUNT_FIELDS)
    }
    refuseUnknownFields(fields, LINE_FIELDS, path)
    return line
  }

  coupon(value: unknown, coupons: string, index: number): ValidCoupon {
    const path = `${coupons}[${index}]`
    const fields = readFields(value, path, '')
    const code = readString(fields.code, path, 'code')
    if (code === '') refuse(path, 'code', EMPTY)
    const discount = this.discount(fields, path, COUPON_FIELDS)
    const minSpend =
      fields.minSpend === undefined ? undefined : this.amount(fields.minSpend, path, 'minSpend')
    return { ...discount, code, minSpend }
  }
}

function readList(value: unknown, path: string, key: string): readonly unknown[] {
  if (value === undefined) refuse(path, key, REQUIRED)
  return Array.isArray(value) ? value : refuse(path, key, NOT_AN_ARRAY)
}

/**
 * Checks a quote input against specs/settlement.md and reads it into minor units and exact rates;
 * nothing is computed for a refused cart. `path` prefixes every field named in an error: with
 * `carts[3]`, a bad quantity is `carts[3].lines[0].quantity`.
 *
 * @example
 * validateCart({ currency: 'CNY', lines: [{ quantity: '1.5', unitPrice: '100.00' }] }).lines[0]
 * // → { sku: undefined, quantityMilli: 1500, unitPrice: 10000, taxRate: { num: 0, den: 1 }, discount: undefined }
 * validateCart({ currency: 'CNY', lines: [{ quantity: '0', unitPrice: '1' }] })
 * // throws CartValidationError { field: 'lines[0].quantity', message: 'must be greater than 0' }
 */
export function validateCart(input: unknown, path = ''): ValidCart {
  const fields = readFields(input, path, path === '' ? 'cart' : '')
  const currency = readString(fields.currency, path, 'currency')
  if (!isKnownCurrency(currency)) refuse(path, 'currency', UNKNOWN_CURRENCY)
  const reader = new CartReader(currency, minorDigits(currency))
  const { rounding, taxMode, cashIncrement, cashRoundingMode } = fields
  const linesPath = join(path, 'lines')
  const couponsPath = join(path, 'coupons')
  const cart: ValidCart = {
    currency,
    digits: minorDigits(currency),
    rounding:
      rounding === undefined
        ? 'half-up'
        : readChoice(rounding, ROUNDING_MODES, path, 'rounding', ROUNDING_MODE),
    taxMode: taxMode === undefined ? 'inclusive' : readChoice(taxMode, TAX_MODES, path, 'taxMode', TAX_MODE),
    cashIncrement:
      cashIncrement === undefined ? undefined : reader.increment(cashIncrement, path, 'cashIncrement'),
    cashRoundingMode:
      cashRoundingMode === undefined
        ? 'half-up'
        : readChoice(cashRoundingMode, CASH_ROUNDING_MODES, path, 'cashRoundingMode', CASH_ROUNDING_MODE),
    lines: readList(fields.lines, path, 'lines').map((line, i) => reader.line(line, linesPath, i)),
    coupons:
      fields.coupons === undefined
        ? []
        : readList(fields.coupons, path, 'coupons').map((coupon, i) => reader.coupon(coupon, couponsPath, i))
  }
  refuseUnknownFields(fields, CART_FIELDS, path)
  return cart
}
