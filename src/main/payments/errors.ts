/** A configuration or programming mistake talking to a provider: retrying will not help. */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'ProviderError'
  }
}

/** A notification that failed verification or decryption; the sender is answered with an error. */
export class NotificationRejectedError extends Error {
  constructor(
    readonly provider: string,
    readonly reason: 'signature' | 'decryption' | 'shape' | 'stale',
    message: string
  ) {
    super(message)
    this.name = 'NotificationRejectedError'
  }
}
