/**
 * An input refused because of one field. `field` is its path as a person would write it
 * (`lines[0].quantity`), `message` says what is wrong with it (`must be greater than 0`), so a caller
 * can print `lines[0].quantity: must be greater than 0` or send both as a validation error.
 * `reason` is the message's key (`errors.validation.tooLarge`) when the thrower knows it; otherwise
 * the router looks the text up in the shared reason tables (`reasonKey`).
 */
export class FieldError extends Error {
  override readonly name: string = 'FieldError'

  constructor(
    readonly field: string,
    message: string,
    readonly reason?: { key: string; params?: Record<string, string | number> }
  ) {
    super(message)
  }

  /** `lines[0].quantity: must be greater than 0` */
  describe(): string {
    return this.field === '' ? this.message : `${this.field}: ${this.message}`
  }
}
