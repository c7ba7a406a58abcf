import Decimal from 'decimal.js'
import type { CartView } from '@shared/contract/channels/cart'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { businessDate } from '../../core/business-day'
import { couponStanding } from '../../domain/pricing/coupon-standing'
import { newId } from '../../core/ids'
import { ApprovalRequired, DomainError, invalid, notFound } from '../../domain/errors'
import { roleCan } from '@shared/contract/roles'
import { isEditable } from '../../domain/orders/order-status'
import type { CouponRow } from '../../store/repos/coupons-repo'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { Actor, ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { cartView, quoteRows, type MoneyRules } from './cart-quote'
import { requireOwnCart } from './cart-owner'
import type { ProductSource } from './product-source'
import { scaleLabelLine } from './scale-label-line'

/** Kept for importers of the old place; the type lives beside the service context. */
export type { Actor } from '../service-context'

/** A fraction of a piece is not something a shop sells (issue 11: 0.001 of a piece for ¥0.00). */
function wholePieces(name: string): DomainError {
  return new DomainError('VALIDATION', `${name} is sold by the piece: use a whole number`, 'quantity', {
    key: 'errors.cart.wholePieces',
    params: { name }
  })
}

/**
 * The cart a cashier builds. It is a draft order in the store, so it survives a restart;
 * each change is its own small transaction and answers with the engine's live totals.
 */
export function createCartService(
  ctx: ServiceContext,
  deps: { products: ProductSource; settings: SettingsService; terminal: () => string }
) {
  const { store, clock } = ctx
  const now = (): string => clock.now().toISOString()

  const rulesFor = (order: OrderRow): MoneyRules => {
    if (order.status !== 'draft') {
      return {
        currency: order.currency,
        rounding: order.rounding,
        taxMode: order.tax_mode,
        cashIncrement: order.cash_increment,
        cashRoundingMode: order.cash_rounding_mode
      }
    }
    // A draft follows the store's current rules; its prices were taken in its own currency.
    const profile = deps.settings.getProfile()
    if (profile.currency !== order.currency) {
      throw new DomainError(
        'CONFLICT',
        `The store currency changed to ${profile.currency}; discard this ${order.currency} cart`,
        'cartId',
        { key: 'errors.cart.currencyChanged', params: { currency: order.currency } }
      )
    }
    return {
      currency: profile.currency,
      rounding: profile.rounding,
      taxMode: profile.taxMode,
      cashIncrement: profile.cashIncrement,
      cashRoundingMode: profile.cashRoundingMode
    }
  }

  const couponsOf = (orderId: string) =>
    store.orders.coupons(orderId).map((link) => ({ link, coupon: store.coupons.byId(link.coupon_id)! }))

  const view = (order: OrderRow): CartView => {
    const rules = rulesFor(order)
    const lines = store.orders.lines(order.id)
    const coupons = couponsOf(order.id)
    return cartView(order, rules, lines, coupons, quoteRows(rules, lines, coupons))
  }

  /** The actor's editable cart (a parked one too, for `resume`, where the hand-over happens). */
  const draft = (cartId: string, actor: Actor, options: { parkedIsOpen?: boolean } = {}): OrderRow => {
    const order = store.orders.get(cartId)
    if (!order) throw notFound('Cart', 'cartId', 'cart')
    requireOwnCart(order, actor.userId, 'cartId', options)
    if (!isEditable(order.status))
      throw new DomainError('CONFLICT', `This cart is already ${order.status}`, 'cartId', {
        key: 'errors.cart.notEditable',
        params: { status: order.status }
      })
    return order
  }

  const createDraft = (userId: string | null): OrderRow => {
    const profile = deps.settings.getProfile()
    const id = newId()
    store.orders.create({
      id,
      terminal: deps.terminal(),
      currency: profile.currency,
      rounding: profile.rounding,
      taxMode: profile.taxMode,
      cashIncrement: profile.cashIncrement,
      cashierUserId: userId,
      at: now()
    })
    return store.orders.get(id)!
  }

  /** Runs one change to a draft in a transaction and answers with the re-quoted cart. */
  const change = (cartId: string, actor: Actor, work: (order: OrderRow) => void): CartView =>
    store.transaction(() => {
      const order = draft(cartId, actor)
      work(order)
      store.orders.touch(order.id, now())
      // Quoting inside the transaction means a change the engine refuses is never saved.
      return view(store.orders.get(order.id)!)
    })

  const line = (order: OrderRow, lineId: string) => {
    const found = store.orders.line(order.id, lineId)
    if (!found) throw notFound('Cart line', 'lineId', 'cartLine')
    return found
  }

  /** Refuses a coupon that cannot be used today, for the reason its standing names. */
  const checkCouponUsable = (coupon: CouponRow, today: string): void => {
    const params = { code: coupon.code }
    switch (couponStanding(coupon, today)) {
      case 'active':
        return
      case 'disabled':
        throw new DomainError('CONFLICT', `Coupon ${coupon.code} is no longer active`, 'code', {
          key: 'errors.coupons.inactive',
          params
        })
      case 'notYetValid':
        throw new DomainError(
          'CONFLICT',
          `Coupon ${coupon.code} is valid from ${coupon.valid_from}`,
          'code',
          {
            key: 'errors.coupons.notYetValid',
            params: { ...params, date: coupon.valid_from! }
          }
        )
      case 'expired':
        throw new DomainError('CONFLICT', `Coupon ${coupon.code} expired on ${coupon.valid_to}`, 'code', {
          key: 'errors.coupons.expired',
          params: { ...params, date: coupon.valid_to! }
        })
      case 'usedUp':
        // The head office's allotment for this till: none yet, or all of it used.
        if (coupon.usage_limit === null || coupon.used_count < coupon.usage_limit)
          throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up on this till`, 'code', {
            key: 'errors.sync.couponAllotmentUsed',
            params
          })
        throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up`, 'code', {
          key: 'errors.coupons.usedUp',
          params
        })
    }
  }

  /**
   * A line discount above the store's limit (a share of the line's gross, `lineDiscountLimit`)
   * needs someone who may override prices, or their approval in place: otherwise 100 % off a
   * line went through while a ¥0.50 price cut needed a manager (issue 10). Throws
   * ApprovalRequired('price-override') naming the discount and the limit.
   */
  const requireDiscountApproval = (
    order: OrderRow,
    found: { quantity: string; unit_price: number },
    discount: { type: 'rate'; rate: string } | { type: 'amount'; amount: string },
    actor: Actor
  ): void => {
    if (actor.approverUserId) return
    const role = actor.userId ? store.users.get(actor.userId)?.role : undefined
    if (role && roleCan(role, 'price-override')) return
    const limit = new Decimal(store.lossPrevention.get().lineDiscountLimit)
    const gross = new Decimal(found.quantity).times(found.unit_price)
    // The engine never takes more off a line than its gross.
    const off = Decimal.min(
      gross,
      discount.type === 'rate'
        ? gross.times(discount.rate)
        : new Decimal(parseDecimalToMinor(discount.amount, order.currency, 'discount.amount'))
    )
    if (off.lte(gross.times(limit))) return
    const locale = deps.settings.getProfile().locale
    const share = gross.isZero() ? new Decimal(1) : off.div(gross)
    const percent = (rate: Decimal): string => `${rate.times(100).toDecimalPlaces(1).toString()} %`
    throw new ApprovalRequired('price-override', `A line discount above ${percent(limit)} needs a manager`, {
      reason: 'lineDiscount',
      action: 'line-discount',
      amount: off.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
      currency: order.currency,
      amountText: `${percent(share)} (${formatMinor(off.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(), order.currency, locale)})`,
      limitText: percent(limit)
    })
  }

  return {
    checkCouponUsable,
    view,

    /**
     * The cashier's current sale: an order still waiting for its payment comes first (so a
     * reload or a crash mid-payment brings the payment back), then the open cart, else a new one.
     */
    open(actor: Actor): CartView {
      return store.transaction(() =>
        view(
          store.orders.awaitingFor(actor.userId) ??
            store.orders.activeDraft(actor.userId) ??
            createDraft(actor.userId)
        )
      )
    },

    get(cartId: string, actor: Actor): CartView {
      const order = store.orders.get(cartId)
      if (!order) throw notFound('Cart', 'cartId', 'cart')
      requireOwnCart(order, actor.userId, 'cartId', { parkedIsOpen: true })
      return view(order)
    },

    addItem(
      input: {
        cartId: string
        code?: string | undefined
        productId?: string | undefined
        quantity?: string | undefined
      },
      actor: Actor
    ): CartView {
      let product =
        input.productId !== undefined
          ? deps.products.byId(input.productId)
          : deps.products.byCode(input.code!)
      const field = input.productId !== undefined ? 'productId' : 'code'
      // Not a barcode or SKU: a weighed-goods label from the shop scale carries its own quantity.
      let labelled: string | undefined
      if (!product && input.productId === undefined) {
        const read = scaleLabelLine(input.code!, deps.products, deps.settings)
        if (read) ({ product, quantity: labelled } = read)
      }
      if (!product)
        throw new DomainError('NOT_FOUND', `No product with code ${input.code ?? input.productId}`, field, {
          key: 'errors.catalog.noSuchCode',
          params: { code: input.code ?? input.productId ?? '' }
        })
      if (!product.active)
        throw new DomainError('CONFLICT', `${product.nameZh} is not for sale (inactive)`, field, {
          key: 'errors.catalog.notOnSale',
          params: { name: product.nameZh, sku: product.sku }
        })
      const quantity = labelled ?? input.quantity ?? '1'
      if (product.unit === 'piece' && !new Decimal(quantity).isInteger()) throw wholePieces(product.nameZh)
      return change(input.cartId, actor, (order) => {
        // Another scan of a plain piece line adds to it, so the receipt shows "3 ×", not three lines.
        const same = store.orders
          .lines(order.id)
          .find(
            (l) =>
              l.product_id === product.id &&
              l.unit === 'piece' &&
              product.unit === 'piece' &&
              !l.discount_type &&
              l.unit_price === l.list_price
          )
        if (same) {
          store.orders.setQuantity(order.id, same.id, new Decimal(same.quantity).plus(quantity).toFixed())
          return
        }
        store.orders.addLine({
          id: newId(),
          orderId: order.id,
          productId: product.id,
          sku: product.sku,
          name: product.nameZh,
          nameEn: product.nameEn,
          unit: product.unit,
          quantity: new Decimal(quantity).toFixed(),
          unitPrice: product.priceMinor,
          taxRate: product.taxRate,
          // Weighed goods without a weight wait for one; never a silent 1 kg (issue 10, item 10).
          weightPending: product.unit === 'kg' && input.quantity === undefined && labelled === undefined
        })
      })
    },

    setQuantity(input: { cartId: string; lineId: string; quantity: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        const found = line(order, input.lineId)
        if (found.unit === 'piece' && !new Decimal(input.quantity).isInteger()) throw wholePieces(found.name)
        store.orders.setQuantity(order.id, found.id, new Decimal(input.quantity).toFixed())
      })
    },

    removeLine(input: { cartId: string; lineId: string }, actor: Actor): CartView {
      return change(
        input.cartId,
        actor,
        (order) => void store.orders.removeLine(order.id, line(order, input.lineId).id)
      )
    },

    setLineDiscount(
      input: {
        cartId: string
        lineId: string
        discount: { type: 'rate'; rate: string } | { type: 'amount'; amount: string } | null
      },
      actor: Actor
    ): CartView {
      return change(input.cartId, actor, (order) => {
        const found = line(order, input.lineId)
        const { discount } = input
        if (discount?.type === 'amount')
          parseDecimalToMinor(discount.amount, order.currency, 'discount.amount')
        if (discount) requireDiscountApproval(order, found, discount, actor)
        store.orders.setDiscount(
          order.id,
          found.id,
          discount === null
            ? null
            : { type: discount.type, value: discount.type === 'rate' ? discount.rate : discount.amount }
        )
      })
    },

    overridePrice(input: { cartId: string; lineId: string; unitPrice: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        const found = line(order, input.lineId)
        const price = parseDecimalToMinor(input.unitPrice, order.currency, 'unitPrice')
        store.orders.setPrice(order.id, found.id, price, actor.approverUserId ?? actor.userId)
        ctx.store.audit.append({
          id: newId(),
          at: now(),
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'cart.price_overridden',
          subject: order.id,
          details: { lineId: found.id, sku: found.sku, from: found.unit_price, to: price }
        })
      })
    },

    applyCoupon(input: { cartId: string; code: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        const coupon = store.coupons.byCode(input.code)
        if (!coupon)
          throw new DomainError('NOT_FOUND', `Unknown coupon code ${input.code}`, 'code', {
            key: 'errors.coupons.unknown',
            params: { code: input.code }
          })
        checkCouponUsable(coupon, businessDate(clock.now(), deps.settings.timeZone()))
        if (store.orders.coupons(order.id).some((c) => c.coupon_id === coupon.id)) {
          throw new DomainError('CONFLICT', `Coupon ${coupon.code} is already applied`, 'code', {
            key: 'errors.coupons.alreadyApplied',
            params: { code: coupon.code }
          })
        }
        store.orders.addCoupon(order.id, coupon.id, coupon.code)
        const after = view(store.orders.get(order.id)!)
        const outcome = after.coupons.find((c) => c.code === coupon.code)
        if (outcome && !outcome.applied && outcome.reason === 'min_spend_not_met') {
          const needed = formatMinor(coupon.min_spend ?? 0, order.currency, deps.settings.getProfile().locale)
          // Throwing rolls the link back: a coupon that does nothing is not kept on the cart.
          throw new DomainError(
            'CONFLICT',
            `Coupon ${coupon.code} needs a spend of at least ${needed}`,
            'code',
            { key: 'errors.coupons.minimumSpend', params: { code: coupon.code, amount: needed } }
          )
        }
      })
    },

    removeCoupon(input: { cartId: string; code: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        if (store.orders.removeCoupon(order.id, input.code) === 0)
          throw notFound(`Coupon ${input.code} on this cart`, 'code', 'couponOnCart')
      })
    },

    park(input: { cartId: string; note?: string | undefined }, actor: Actor): CartView {
      return store.transaction(() => {
        const order = draft(input.cartId, actor)
        if (store.orders.lines(order.id).length === 0)
          throw invalid('cartId', 'An empty cart cannot be parked', { key: 'errors.cart.parkEmpty' })
        store.orders.park(order.id, input.note ?? null, now())
        return view(createDraft(actor.userId))
      })
    },

    listParked() {
      return store.orders.parked().map((order) => {
        const cart = view(order)
        return {
          id: order.id,
          parkedAt: order.parked_at!,
          note: order.parked_note,
          lineCount: cart.lines.length,
          total: cart.totals.total,
          currency: cart.currency
        }
      })
    },

    resume(input: { cartId: string }, actor: Actor): CartView {
      return store.transaction(() => {
        const order = draft(input.cartId, actor, { parkedIsOpen: true })
        if (!order.parked_at)
          throw new DomainError('CONFLICT', 'This cart is not parked', 'cartId', {
            key: 'errors.cart.notParked'
          })
        const current = store.orders.activeDraft(actor.userId)
        if (current) {
          if (store.orders.lines(current.id).length > 0) store.orders.park(current.id, null, now())
          else store.orders.deleteDraft(current.id)
        }
        store.orders.unpark(order.id, actor.userId, now())
        return view(store.orders.get(order.id)!)
      })
    },

    discard(input: { cartId: string }, actor: Actor): CartView {
      return store.transaction(() => {
        const order = draft(input.cartId, actor)
        store.orders.deleteDraft(order.id)
        return view(store.orders.activeDraft(actor.userId) ?? createDraft(actor.userId))
      })
    }
  }
}

export type CartService = ReturnType<typeof createCartService>
