import type { ErrorCode, ErrorParams } from '@shared/contract/errors'
import type { Permission } from '@shared/contract/permissions'

/**
 * An expected failure a person can act on ("unknown coupon", "shift closed").
 * The router passes its code, message and field to the renderer as they are;
 * any other exception becomes INTERNAL with a generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly field?: string,
    /** The message's stable i18n key and its parameters (see `ApiError.key`). */
    readonly i18n?: { key: string; params?: ErrorParams }
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string, field?: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} not found`, field)

export const conflict = (message: string, field?: string): DomainError =>
  new DomainError('CONFLICT', message, field)

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION', message, field)

/**
 * Thrown by a handler when this particular call needs a capability the caller lacks (a
 * refund above the approval threshold). On an `overridable` channel the router then asks
 * for an approver's PIN, like a refusal at the gate, and runs the handler again.
 */
export class ApprovalRequired extends DomainError {
  constructor(
    readonly permission: Permission,
    message: string,
    /** What is being approved, for the approval dialog to name: key `errors.approval.<reason>`. */
    readonly detail?: ApprovalDetail
  ) {
    super(
      'FORBIDDEN',
      message,
      undefined,
      detail
        ? {
            key: `errors.approval.${detail.reason}`,
            params: {
              action: detail.action,
              ...(detail.amount !== undefined ? { amount: detail.amount } : {}),
              ...(detail.amountText !== undefined ? { amountText: detail.amountText } : {}),
              ...(detail.limitText !== undefined ? { limitText: detail.limitText } : {}),
              ...(detail.currency !== undefined ? { currency: detail.currency } : {})
            }
          }
        : undefined
    )
    this.name = 'ApprovalRequired'
  }
}

/**
 * Why a call needs a manager and for how much: `action` is the channel's action
 * (`refund`, `line-discount`), `amount` in minor units of `currency`, and the amount and the
 * limit pre-formatted in the store's locale for the message.
 */
export interface ApprovalDetail {
  reason: 'refundOrder' | 'refundShift' | 'refundCash' | 'lineDiscount'
  action: string
  amount?: number
  currency?: string
  amountText?: string
  limitText?: string
}
