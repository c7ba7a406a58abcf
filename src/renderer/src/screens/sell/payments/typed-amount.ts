import { useTranslation } from 'react-i18next'
import { fieldRefusal, type ApiError } from '@shared/contract'
import { scanDecimal } from '@shared/money/decimal-scan'
import { minorDigits } from '@shared/money/currencies'
import { NOT_A_DECIMAL } from '@shared/money/messages'
import { amountProblem } from '@shared/schemas/cart-rules'
import { useErrorText } from '../../../i18n/error-text'

/**
 * Why an amount typed in a payment field is refused, keyed on `field` (`tendered`, `amount`), or
 * undefined for a blank or valid one. The rule is main's (`amountProblem`: a decimal ≥ 0 with no
 * more digits than the currency has), so "abc", "-5" or "1e2" is refused on the key that made it,
 * in every tender form, before anything is sent.
 */
export function typedAmountProblem(field: string, typed: string, currency: string): ApiError | undefined {
  const value = typed.trim()
  if (value === '') return undefined
  const scan = scanDecimal(value)
  const reason = scan === undefined ? NOT_A_DECIMAL : amountProblem(scan, minorDigits(currency), currency)
  return reason === undefined ? undefined : fieldRefusal(field, reason)
}

/**
 * A payment field's refusal, led by the field's name as the cashier reads it above the box
 * ("Cash received: must not be negative", "实收现金：不能为负数"), or undefined when none.
 */
export function useNamedFieldError(): (name: string, error: ApiError | undefined) => string | undefined {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (name, error) =>
    error ? t('errors.withField', { field: name, text: errorText(error, { beside: true }) }) : undefined
}
