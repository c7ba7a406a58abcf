import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '@shared/contract'
import type { CheckoutSession, Tender, TenderMethod } from '@shared/contract/channels/tenders'
import { ApiCallError, call, onEvent } from '../../../api/client'

/** Statuses in which a tender may still take money: wait, never start another on top. */
const OPEN_STATUSES = new Set(['created', 'pending', 'user_paying', 'unknown'])
const FAILED_STATUSES = new Set(['failed', 'closed', 'reversed'])

export const isOpenTender = (tender: Tender): boolean => OPEN_STATUSES.has(tender.status)
export const isFailedTender = (tender: Tender): boolean => FAILED_STATUSES.has(tender.status)

/** main polls the provider about every 3 s; we ask main as often in case an event is missed. */
const POLL_MS = 3000

export interface TenderRequest {
  method: TenderMethod
  amount?: string
  flow?: 'merchant_qr' | 'customer_code'
  authCode?: string
  tendered?: string
  /** The cashier confirmed cash beyond the plausible limit. */
  confirmLargeTender?: boolean
}

/** A transport failure: the call may or may not have reached main, so the same key is sent again. */
const isTransportFailure = (error: ApiError): boolean =>
  error.code === 'UNAVAILABLE' || error.code === 'INTERNAL'

function toApiError(error: unknown): ApiError {
  return error instanceof ApiCallError ? error.error : { code: 'INTERNAL', message: String(error) }
}

export interface Checkout {
  session: CheckoutSession | null
  busy: boolean
  error: ApiError | null
  /** The tender this dialog last started (to show its failure and offer a retry). */
  current: Tender | null
  /** What was last asked for, for "Try again". */
  lastRequest: TenderRequest | null
  addTender(request: TenderRequest): Promise<CheckoutSession | null>
  cancelTender(tenderId: string): Promise<void>
  cancelCheckout(): Promise<CheckoutSession | null>
  clearError(): void
}

/**
 * One payment dialog's checkout: the order frozen from the cart (made once per opening,
 * under one checkout key), its tenders, and what remains. Live through `payment:changed`,
 * with `checkout:state` every few seconds in case an event is lost.
 */
export function useCheckout(
  cartId: string,
  onSession: (session: CheckoutSession, previous: CheckoutSession | null) => void,
  /** The order is already waiting for payment (the screen was reloaded mid-payment): pick it up. */
  resume = false
): Checkout {
  const [checkoutKey] = useState(() => crypto.randomUUID())
  const [session, setSession] = useState<CheckoutSession | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [currentId, setCurrentId] = useState<string | null>(null)
  const [lastRequest, setLastRequest] = useState<TenderRequest | null>(null)
  const attempt = useRef<{ key: string; request: string } | null>(null)
  const latest = useRef<CheckoutSession | null>(null)
  const listener = useRef(onSession)

  useEffect(() => {
    listener.current = onSession
  }, [onSession])

  const adopt = useCallback((next: CheckoutSession): CheckoutSession => {
    const previous = latest.current
    // Once paid (or cancelled), an older answer still on its way must not bring the order back.
    if (
      previous &&
      previous.order.id === next.order.id &&
      previous.order.status !== 'awaiting_payment' &&
      next.order.status === 'awaiting_payment'
    ) {
      return previous
    }
    latest.current = next
    setSession(next)
    listener.current(next, previous)
    return next
  }, [])

  const refresh = useCallback(async (): Promise<void> => {
    const orderId = latest.current?.order.id
    if (!orderId) return
    try {
      adopt(await call('checkout:state', { orderId }))
    } catch {
      // The next poll asks again.
    }
  }, [adopt])

  const orderId = session?.order.id
  const awaiting = session?.order.status === 'awaiting_payment'

  useEffect(() => {
    if (!orderId || !awaiting) return
    const stop = onEvent('payment:changed', (payload) => {
      if (payload.orderId !== orderId) return
      const current = latest.current
      if (current) {
        const tenders = current.tenders.some((t) => t.id === payload.tender.id)
          ? current.tenders.map((t) => (t.id === payload.tender.id ? payload.tender : t))
          : [...current.tenders, payload.tender]
        adopt({ ...current, tenders, remaining: payload.remaining })
      }
      // The figures (paid, remaining, the order) come whole from main.
      void refresh()
    })
    const timer = setInterval(() => void refresh(), POLL_MS)
    return () => {
      stop()
      clearInterval(timer)
    }
  }, [orderId, awaiting, adopt, refresh])

  const begin = async (): Promise<CheckoutSession> => {
    if (latest.current) return latest.current
    return adopt(await call('checkout:begin', { cartId, checkoutKey }))
  }

  const addTender = async (request: TenderRequest): Promise<CheckoutSession | null> => {
    if (busy) return null
    const signature = JSON.stringify(request)
    const key = attempt.current?.request === signature ? attempt.current.key : crypto.randomUUID()
    attempt.current = { key, request: signature }
    setBusy(true)
    setError(null)
    setLastRequest(request)
    try {
      const open = await begin()
      const before = new Set(open.tenders.map((t) => t.id))
      const next = await call('tenders:add', {
        orderId: open.order.id,
        attemptKey: key,
        method: request.method,
        ...(request.amount ? { amount: request.amount } : {}),
        ...(request.flow ? { flow: request.flow } : {}),
        ...(request.authCode ? { authCode: request.authCode } : {}),
        ...(request.tendered ? { tendered: request.tendered } : {}),
        ...(request.confirmLargeTender ? { confirmLargeTender: true } : {})
      })
      attempt.current = null
      const added = next.tenders.find((t) => !before.has(t.id)) ?? next.tenders.at(-1)
      setCurrentId(added?.id ?? null)
      return adopt(next)
    } catch (caught) {
      const apiError = toApiError(caught)
      if (!isTransportFailure(apiError)) attempt.current = null
      setError(apiError)
      return null
    } finally {
      setBusy(false)
    }
  }

  const cancelTender = async (tenderId: string): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      adopt(await call('tenders:cancel', { tenderId }))
    } catch (caught) {
      setError(toApiError(caught))
    } finally {
      setBusy(false)
    }
  }

  const cancelCheckout = async (): Promise<CheckoutSession | null> => {
    const open = latest.current
    if (!open) return null
    setBusy(true)
    setError(null)
    try {
      return adopt(await call('checkout:cancel', { orderId: open.order.id }))
    } catch (caught) {
      setError(toApiError(caught))
      return null
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (!resume) return
    // checkout:begin on an order awaiting payment answers with that order, never a new one.
    void call('checkout:begin', { cartId, checkoutKey })
      .then(adopt)
      .catch((caught: unknown) => setError(toApiError(caught)))
  }, [resume, cartId, checkoutKey, adopt])

  const current = session?.tenders.find((t) => t.id === currentId) ?? null

  return {
    session,
    busy,
    error,
    current,
    lastRequest,
    addTender,
    cancelTender,
    cancelCheckout,
    clearError: () => setError(null)
  }
}
