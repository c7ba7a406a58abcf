import { FieldError } from '../../../shared/money/field-error'

/**
 * A cart refused before anything is computed. `field` names the offending field as the spec spells it
 * (`lines[0].quantity`, or `carts[3].lines[0].quantity` within an array), `message` what is wrong;
 * the API maps it to `{ code: 'VALIDATION', field, message }`, `kassa quote` prints `error: field: message`.
 */
export class CartValidationError extends FieldError {
  override readonly name: string = 'CartValidationError'
}
