import { businessDate } from '@shared/time/zone'
import Decimal from 'decimal.js'
import type { CartView } from '@shared/contract/channels/cart'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { isEditable } from '../../domain/orders/order-status'
import { assertPriceUsual } from '../../domain/money/unusual-amount'
import { checkLineQuantityLimit } from '../../domain/orders/quantity-limit'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { Actor, ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { cartView, quoteRows, type MoneyRules } from './cart-quote'
import { requireOwnCart } from './cart-owner'
import { checkCouponUsable, requireDiscountApproval } from './cart-rules'
import type { ProductSource } from './product-source'
import { scaleLabelLine } from './scale-label-line'
import { lineDiffersFromCatalog, requireStillOnSale, withCatalogChanges } from './catalog-drift'

/** A fraction of a piece is not something a shop sells (issue 11: 0.001 of a piece for ¥0.00). */
function wholePieces(name: string, nameEn: string | null | undefined): DomainError {
  return new DomainError('VALIDATION', `${name} is sold by the piece: use a whole number`, 'quantity', {
    key: 'errors.cart.wholePieces',
    // Both names: the screen says the one in its own language.
    params: { name, nameEn: nameEn || name }
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

  /**
   * The cart re-quoted from its stored rows (`quoteRows`), amounts in minor units; a line waiting
   * for its weight (`weightPending`) is shown with zero figures and counts nothing toward the totals.
   * A draft's lines carry `catalogChange`; the figures never read the catalog (`catalog-drift.ts`).
   * @throws DomainError CONFLICT `cartId` `errors.cart.currencyChanged` (a draft of an old currency);
   *   CartValidationError naming the field for a stored row the engine refuses
   */
  const view = (order: OrderRow): CartView => {
    const rules = rulesFor(order)
    const lines = store.orders.lines(order.id)
    const coupons = couponsOf(order.id)
    // A line waiting for its weight has no price yet: it adds nothing to the cart until weighed.
    const priced = lines.filter((line) => line.weight_pending !== 1)
    const cart = cartView(order, rules, lines, coupons, quoteRows(rules, priced, coupons))
    // Only a draft can still be re-rung; an order awaiting payment has its figures frozen.
    return order.status === 'draft' ? withCatalogChanges(cart, store.orders.lineProducts(order.id)) : cart
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

  return {
    /** `cart-rules.ts`' check, for checkout to run again inside its transaction. */
    checkCouponUsable,
    view,

    /**
     * The cashier's current sale: an order still waiting for its payment comes first (so a
     * reload or a crash mid-payment brings the payment back), then the open cart, else a new one.
     * @throws DomainError CONFLICT `cartId` `errors.cart.currencyChanged` (an open cart of a currency
     *   the store no longer uses: discard it)
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

    /**
     * The cart (`CartView`, figures in minor units from `quoteRows`) for its cashier, or a parked one for anyone at the till.
     * @throws DomainError NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notYours`)
     */
    get(cartId: string, actor: Actor): CartView {
      const order = store.orders.get(cartId)
      if (!order) throw notFound('Cart', 'cartId', 'cart')
      requireOwnCart(order, actor.userId, 'cartId', { parkedIsOpen: true })
      return view(order)
    },

    /**
     * Adds a product by id, barcode or SKU, or a scale label (EAN-13 20–29, README "Scale labels"), one transaction; `quantity` is decimal text (kg to 3 places), whole for goods by the piece. A kg item without a weight waits for one (`weightPending`). The line takes the product's price, tax rate and name as they are now and keeps them; another scan adds to a plain line only while the product's price and tax rate still equal that line's, else it starts a new line at today's price (README "When the catalog changes under a cart").
     * @throws DomainError NOT_FOUND `code`/`productId` (`errors.catalog.noSuchCode`); CONFLICT (`errors.catalog.notOnSale`); VALIDATION `quantity` (`errors.sell.wholePieces`, `errors.cart.weightTooLarge`/`piecesTooLarge` above `LINE_QUANTITY_CAP`), the scale label's own refusals (`errors.scale.*`, `errors.scale.largeQuantity` above 30 kg unless `confirmLargeQuantity`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    addItem(
      input: {
        cartId: string
        code?: string | undefined
        productId?: string | undefined
        quantity?: string | undefined
        /** The cashier said yes to a scale label above `QUANTITY_LIMITS.kg` (`errors.scale.largeQuantity`). */
        confirmLargeQuantity?: boolean | undefined
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
        const read = scaleLabelLine(input.code!, deps.products, deps.settings, input.confirmLargeQuantity)
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
          params: { name: product.nameZh, nameEn: product.nameEn || product.nameZh, sku: product.sku }
        })
      const quantity = labelled ?? input.quantity ?? '1'
      if (product.unit === 'piece' && !new Decimal(quantity).isInteger())
        throw wholePieces(product.nameZh, product.nameEn)
      checkLineQuantityLimit(quantity, product.unit, product.nameZh, product.nameEn)
      return change(input.cartId, actor, (order) => {
        // Another scan of a plain piece line adds to it ("3 ×", not three lines), but only at the price
        // and tax rate it was rung up at: else a new line at today's (README "When the catalog changes").
        const same = store.orders
          .lines(order.id)
          .find(
            (l) =>
              l.product_id === product.id &&
              l.unit === 'piece' &&
              product.unit === 'piece' &&
              !l.discount_type &&
              l.unit_price === l.list_price &&
              !lineDiffersFromCatalog(l, product)
          )
        if (same) {
          const merged = new Decimal(same.quantity).plus(quantity).toFixed()
          checkLineQuantityLimit(merged, same.unit, same.name, same.name_en)
          store.orders.setQuantity(order.id, same.id, merged)
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

    /**
     * Sets a line's quantity (decimal text; entering a weight ends `weightPending`). Raising the quantity of goods taken off sale since they were rung up is refused; lowering it is not.
     * @throws DomainError CONFLICT `quantity` (`errors.catalog.notOnSale`, more of goods off sale); NOT_FOUND `lineId` (`errors.notFound.cartLine`); VALIDATION `quantity` (`errors.sell.wholePieces`, `errors.cart.weightTooLarge`/`piecesTooLarge` above `LINE_QUANTITY_CAP`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    setQuantity(input: { cartId: string; lineId: string; quantity: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        const found = line(order, input.lineId)
        if (found.unit === 'piece' && !new Decimal(input.quantity).isInteger())
          throw wholePieces(found.name, found.name_en)
        // Goods taken off sale stay on their line, but more of them is refused as a new scan is.
        if (found.weight_pending !== 1 && new Decimal(input.quantity).gt(found.quantity))
          requireStillOnSale(found, deps.products)
        checkLineQuantityLimit(input.quantity, found.unit, found.name, found.name_en)
        store.orders.setQuantity(order.id, found.id, new Decimal(input.quantity).toFixed())
      })
    },

    /**
     * Removes a line from the cart.
     * @throws DomainError NOT_FOUND `lineId` (`errors.notFound.cartLine`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    removeLine(input: { cartId: string; lineId: string }, actor: Actor): CartView {
      return change(
        input.cartId,
        actor,
        (order) => void store.orders.removeLine(order.id, line(order, input.lineId).id)
      )
    },

    /**
     * Sets or clears (`null`) a line's discount: a rate (decimal text in [0, 1]) or an amount (decimal text in the store currency); quoted by specs/settlement.md step 2. Above the store's `lineDiscountLimit` a cashier needs a manager (loss prevention, README "Manager override").
     * @throws ApprovalRequired `price-override`; VALIDATION `discount.amount` (too many decimals); NOT_FOUND `lineId`; NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
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
        if (discount) requireDiscountApproval(ctx, deps.settings, order, found, discount, actor)
        store.orders.setDiscount(
          order.id,
          found.id,
          discount === null
            ? null
            : { type: discount.type, value: discount.type === 'rate' ? discount.rate : discount.amount }
        )
      })
    },

    /**
     * Overrides a line's unit price (decimal text → minor units), recording who did it and who approved it (permission `price-override`, checked by the router) in the audit log.
     * A price of 0 or above `PRICE_CONFIRM_ABOVE` is asked about first, as on the Products screen.
     * @throws DomainError VALIDATION `unitPrice` (not an amount; `errors.money.zeroPrice`/`largePrice` unless `confirmUnusualPrice`, `errors.money.priceOverCap`); NOT_FOUND `lineId`; NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    overridePrice(
      input: { cartId: string; lineId: string; unitPrice: string; confirmUnusualPrice?: boolean | undefined },
      actor: Actor
    ): CartView {
      return change(input.cartId, actor, (order) => {
        const found = line(order, input.lineId)
        const price = parseDecimalToMinor(input.unitPrice, order.currency, 'unitPrice')
        if (price !== found.unit_price)
          assertPriceUsual(
            price,
            order.currency,
            'unitPrice',
            input.confirmUnusualPrice === true,
            deps.settings.getProfile().locale
          )
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

    /**
     * Applies a coupon by code, checked as at checkout (active, valid today in the store's time zone, uses left, the till's allotment) and for its minimum spend.
     * @throws DomainError NOT_FOUND `code` (`errors.coupons.unknown`); CONFLICT `code` (`errors.coupons.alreadyApplied`, `inactive`, `notYetValid`, `expired`, `usedUp`, `errors.sync.couponAllotmentUsed`, `minimumSpend`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
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

    /**
     * Takes a coupon off the cart.
     * @throws DomainError NOT_FOUND `code` (`errors.notFound.couponOnCart`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    removeCoupon(input: { cartId: string; code: string }, actor: Actor): CartView {
      return change(input.cartId, actor, (order) => {
        if (store.orders.removeCoupon(order.id, input.code) === 0)
          throw notFound(`Coupon ${input.code} on this cart`, 'code', 'couponOnCart')
      })
    },

    /**
     * Sets the cart aside with an optional note; any cashier at the till may resume it.
     * @throws DomainError VALIDATION `cartId` (`errors.cart.parkEmpty`); NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
    park(input: { cartId: string; note?: string | undefined }, actor: Actor): CartView {
      return store.transaction(() => {
        const order = draft(input.cartId, actor)
        if (store.orders.lines(order.id).length === 0)
          throw invalid('cartId', 'An empty cart cannot be parked', { key: 'errors.cart.parkEmpty' })
        store.orders.park(order.id, input.note ?? null, now())
        return view(createDraft(actor.userId))
      })
    },

    /**
     * The parked carts of this till, newest first (totals in minor units).
     */
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

    /**
     * Resumes a parked cart for the caller, parking a non-empty current cart of theirs first.
     * @throws DomainError CONFLICT `cartId` (`errors.cart.notParked`); NOT_FOUND `cartId` (`errors.notFound.cart`)
     */
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

    /**
     * Drops a draft cart (its lines go with it; nothing was sold).
     * @throws DomainError NOT_FOUND `cartId` (`errors.notFound.cart`); CONFLICT `cartId` (`errors.cart.notEditable` once checked out, `errors.cart.notYours`)
     */
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
