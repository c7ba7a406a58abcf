import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tender } from '@shared/contract/channels/tenders'

/** Provider codes a cashier meets often, said in the interface's language. */
const KNOWN: Record<string, string> = {
  'ACQ.BUYER_BALANCE_NOT_ENOUGH': 'insufficientFunds',
  NOTENOUGH: 'insufficientFunds',
  '51': 'insufficientFunds',
  '55': 'wrongPin',
  QR_EXPIRED: 'qrExpired',
  'ACQ.PAYMENT_AUTH_CODE_INVALID': 'codeInvalid',
  AUTHCODEEXPIRE: 'codeInvalid',
  AUTH_CODE_INVALID: 'codeInvalid'
}

/** Why a tender failed: our words for codes we know, the provider's own message otherwise. */
export function useFailureText(): (failure: NonNullable<Tender['failure']>) => string {
  const { t } = useTranslation()
  return useCallback(
    (failure) => {
      const key = KNOWN[failure.code]
      return key ? t(`payments.failures.${key}`) : failure.message
    },
    [t]
  )
}
