import { create } from 'zustand'
import type { ApiError, ChannelInput, ChannelName, ChannelOutput } from '@shared/contract'
import type { CartView } from '@shared/contract/channels/cart'
import type { OrderDetail } from '@shared/contract/channels/orders'
import { ApiCallError, call, type ApprovalContext } from '../api/client'
import { play } from '../lib/sounds'

export interface Notice {
  tone: 'ok' | 'error' | 'info'
  text: string
  /** A refusal, worded on screen in the interface language (`text` is its English). */
  error?: ApiError
  /** A way out the notice offers: open a shift (and then scan `code`, the refused scan). */
  action?: { kind: 'open-shift'; code?: string; quantity?: string | undefined }
  /** The scanned code a refusal is about: named on screen even when the reason does not say it. */
  code?: string
  /**
   * About one scan only (a code refused while a window was open): gone at the cashier's next
   * key or click, so it does not linger through the whole payment.
   */
  fleeting?: boolean
}

/**
 * What became of a scan: a line was added or grew; no product has the code (it may be a
 * search a person typed); or the code was read and refused for its own reason (a misread
 * or unknown scale label, goods not on sale) — no search, so nothing to keep in the box.
 */
export type ScanResult = 'added' | 'unknown' | 'refused'

interface CartState {
  cart: CartView | null
  selectedLineId: string | null
  busy: boolean
  notice: Notice | null
  /** The last error, with the field main named, for the form that caused it. */
  error: ApiError | null
  lastSale: { order: OrderDetail; change: number } | null
  open(): Promise<void>
  /**
   * Asks main for the cart again without changing it: the catalog changed (a head-office pull, an
   * edit in another window), so a line may now say its product's price moved or went off sale.
   * Quiet: a refusal here shows nothing (the cashier's next action shows the cart as main has it).
   */
  reload(): Promise<void>
  /**
   * Adds the product with this barcode or SKU (`quantity` times, the scan bar's `3*`), or a scale
   * label's weight; `confirmLargeQuantity` once the cashier said yes to `largeLabel`.
   */
  scan(code: string, quantity?: string, confirmLargeQuantity?: boolean): Promise<ScanResult>
  /**
   * A scale label main found heavier than a counter sells in one line (`errors.scale.largeQuantity`),
   * waiting for the cashier's yes (`scan(code, undefined, true)`) or no (`null` again).
   */
  largeLabel: { code: string; quantity: string; name: string; nameEn: string } | null
  dismissLargeLabel(): void
  addProduct(productId: string, quantity?: string): Promise<void>
  select(lineId: string | null): void
  setQuantity(lineId: string, quantity: string): Promise<boolean>
  removeLine(lineId: string): Promise<void>
  setDiscount(
    lineId: string,
    discount: { type: 'rate'; rate: string } | { type: 'amount'; amount: string } | null,
    approval?: ApprovalContext
  ): Promise<boolean>
  /** `confirmUnusualPrice` once the person said yes to a price of 0 or a very large one (`AmountConfirm`). */
  overridePrice(
    lineId: string,
    unitPrice: string,
    approval?: ApprovalContext,
    confirmUnusualPrice?: boolean
  ): Promise<ApiError | null>
  applyCoupon(code: string): Promise<boolean>
  removeCoupon(code: string): Promise<void>
  park(note?: string): Promise<void>
  resume(cartId: string): Promise<void>
  discard(): Promise<void>
  /** Cash checkout; `confirmLargeTender` once the cashier confirmed an implausible amount. */
  payCash(tendered: string, checkoutKey: string, confirmLargeTender?: boolean): Promise<boolean>
  /** Shows the sale-done view for an order paid in tenders (the payment dialog saw it paid). */
  showSale(order: OrderDetail, change: number): void
  /** Closes the sale-done view and opens the next customer's cart. */
  finishSale(): Promise<void>
  /** Shows a notice on the Sell screen; `null` clears it and the refusal (`error`) behind it. */
  say(notice: Notice | null): void
  /** Clears `notice` if it is still the one shown (a newer notice stays); the refusal stays. */
  forget(notice: Notice): void
  /**
   * The cashier changed `field` (`quantity`, `unitPrice`, `discount`): a refusal about that
   * field (and its notice) no longer describes what is typed, so it goes; others stay.
   */
  forgetField(field: string): void
}

/**
 * The Sell screen's view state. The cart itself lives in main: every action sends the
 * change and shows main's answer, totals included; nothing is computed here.
 */
export const useCartStore = create<CartState>((set, get) => {
  // Scans come faster than answers: changes go to main one at a time, in the order they
  // were made, so an older answer can never overwrite a newer cart.
  let queue: Promise<unknown> = Promise.resolve()

  function change<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    approval?: ApprovalContext,
    beside: readonly string[] = []
  ): Promise<ChannelOutput<C> | null> {
    const next = queue.then(() => send(channel, input, approval, beside))
    queue = next.catch(() => undefined)
    return next
  }

  /**
   * Sends one cart change; on refusal shows the reason with the error sound: beside its field when
   * the form that sent it shows that field (`beside`: the line editor's quantity, discount, the
   * coupon box's code), else as the Sell screen's notice — once, never in both places.
   */
  async function send<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    approval?: ApprovalContext,
    beside: readonly string[] = []
  ): Promise<ChannelOutput<C> | null> {
    set({ busy: true, error: null })
    try {
      const result = await call(channel, input, undefined, approval)
      // A refusal stays on screen only until the next change goes through.
      set(get().notice?.tone === 'error' ? { busy: false, notice: null } : { busy: false })
      return result
    } catch (error) {
      const apiError =
        error instanceof ApiCallError ? error.error : { code: 'INTERNAL' as const, message: String(error) }
      // The cash form shows its own refusals, inside the payment dialog.
      const field = apiError.field
      const shownBeside = field !== undefined && beside.some((f) => field === f || field.startsWith(`${f}.`))
      if (channel === 'checkout:begin' && (input as { cash?: unknown }).cash !== undefined)
        set({ busy: false, error: apiError })
      else if (shownBeside)
        // An older refusal's notice goes: the cashier is looking at this field now.
        set({ busy: false, error: apiError, ...(get().notice?.tone === 'error' ? { notice: null } : {}) })
      else
        set({
          busy: false,
          error: apiError,
          notice: { tone: 'error', text: apiError.message, error: apiError }
        })
      play('error')
      return null
    }
  }

  const adopt = (cart: CartView | null): boolean => {
    if (!cart) return false
    const selected = get().selectedLineId
    const stillThere = cart.lines.some((line) => line.id === selected)
    // Another cart (the next sale, a resumed one): the last cart's refusals are not about it.
    const other = get().cart !== null && get().cart!.id !== cart.id
    set({
      cart,
      selectedLineId: stillThere ? selected : (cart.lines.at(-1)?.id ?? null),
      // A success notice about the last sale ("order … was cancelled", "paid") may stay.
      ...(other ? { notice: get().notice?.tone === 'error' ? null : get().notice, error: null } : {})
    })
    return true
  }

  const cartId = (): string => {
    const cart = get().cart
    if (!cart) throw new Error('No cart is open')
    return cart.id
  }

  return {
    cart: null,
    selectedLineId: null,
    busy: false,
    notice: null,
    error: null,
    lastSale: null,
    largeLabel: null,

    async open() {
      adopt(await change('cart:open', {}))
    },

    async reload() {
      const id = get().cart?.id
      if (!id) return
      // In the queue, so a reload cannot overtake a scan's answer and show an older cart.
      const next = queue.then(() => call('cart:get', { cartId: id }))
      queue = next.catch(() => undefined)
      const fresh = await next.catch(() => null)
      if (fresh && get().cart?.id === fresh.id) adopt(fresh)
    },

    async scan(code, quantity, confirmLargeQuantity) {
      const before = new Map(get().cart?.lines.map((line) => [line.id, line.quantity]))
      const ok = adopt(
        await change('cart:add-item', {
          cartId: cartId(),
          code,
          ...(quantity ? { quantity } : {}),
          ...(confirmLargeQuantity ? { confirmLargeQuantity } : {})
        })
      )
      if (ok) {
        play('scan')
        // Select the line the scan touched: a new one, or one whose quantity grew.
        const lines = get().cart!.lines
        const touched = lines.find((line) => before.get(line.id) !== line.quantity)
        set({ selectedLineId: touched?.id ?? lines.at(-1)?.id ?? null, notice: null })
        return 'added'
      }
      const { notice, error } = get()
      // A heavy label is asked about, as a typed large quantity is: no red notice, a question.
      if (error?.key === 'errors.scale.largeQuantity') {
        const params = error.params ?? {}
        set({
          notice: null,
          error: null,
          largeLabel: {
            code,
            quantity: String(params.quantity ?? ''),
            name: String(params.name ?? ''),
            nameEn: String(params.nameEn ?? params.name ?? '')
          }
        })
        return 'refused'
      }
      if (notice?.error) set({ notice: { ...notice, code } })
      return error?.key === 'errors.catalog.noSuchCode' ? 'unknown' : 'refused'
    },

    async addProduct(productId, quantity) {
      if (
        adopt(
          await change('cart:add-item', { cartId: cartId(), productId, ...(quantity ? { quantity } : {}) })
        )
      ) {
        play('scan')
        set({ notice: null })
      }
    },

    dismissLargeLabel() {
      set({ largeLabel: null })
    },

    select(lineId) {
      set({ selectedLineId: lineId })
    },

    async setQuantity(lineId, quantity) {
      return adopt(
        await change('cart:set-quantity', { cartId: cartId(), lineId, quantity }, undefined, ['quantity'])
      )
    },

    async removeLine(lineId) {
      adopt(await change('cart:remove-line', { cartId: cartId(), lineId }))
    },

    async setDiscount(lineId, discount, approval) {
      return adopt(
        await change('cart:set-line-discount', { cartId: cartId(), lineId, discount }, approval, ['discount'])
      )
    },

    async overridePrice(lineId, unitPrice, approval, confirmUnusualPrice) {
      set({ busy: true, error: null })
      try {
        const input = {
          cartId: cartId(),
          lineId,
          unitPrice,
          ...(confirmUnusualPrice ? { confirmUnusualPrice } : {})
        }
        adopt(await call('cart:override-price', input, undefined, approval))
        set({ busy: false })
        return null
      } catch (error) {
        const apiError =
          error instanceof ApiCallError ? error.error : { code: 'INTERNAL' as const, message: String(error) }
        set({ busy: false, error: apiError })
        return apiError
      }
    },

    async applyCoupon(code) {
      const ok = adopt(await change('cart:apply-coupon', { cartId: cartId(), code }, undefined, ['code']))
      if (ok) play('scan')
      return ok
    },

    async removeCoupon(code) {
      adopt(await change('cart:remove-coupon', { cartId: cartId(), code }))
    },

    async park(note) {
      if (adopt(await change('cart:park', { cartId: cartId(), ...(note ? { note } : {}) }))) {
        set({ notice: { tone: 'info', text: 'parked' } })
      }
    },

    async resume(id) {
      adopt(await change('cart:resume', { cartId: id }))
    },

    async discard() {
      adopt(await change('cart:discard', { cartId: cartId() }))
    },

    async payCash(tendered, checkoutKey, confirmLargeTender) {
      const result = await change('checkout:begin', {
        cartId: cartId(),
        checkoutKey,
        cash: { tendered, ...(confirmLargeTender ? { confirmLargeTender } : {}) }
      })
      if (!result) return false
      play('paid')
      set({ lastSale: { order: result.order, change: result.change } })
      return true
    },

    showSale(order, change) {
      set({ lastSale: { order, change }, notice: null })
    },

    async finishSale() {
      set({ lastSale: null, notice: null })
      await get().open()
    },

    say(notice) {
      // Clearing the notice clears the refusal behind it: the payment window's forms show the
      // store's `error`, and a cart's refusal must not reappear there.
      set(notice === null ? { notice, error: null } : { notice })
    },

    forget(notice) {
      if (get().notice === notice) set({ notice: null })
    },

    forgetField(field) {
      const { error, notice } = get()
      const about = error?.field
      if (!error || !about || (about !== field && !about.startsWith(`${field}.`))) return
      set({ error: null, ...(notice?.error === error ? { notice: null } : {}) })
    }
  }
})
