import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { parseDecimalToMinor } from '@shared/money/format'
import {
  CASH_MOVE_CONFIRM_ABOVE,
  FLOAT_CONFIRM_ABOVE,
  PRICE_CONFIRM_ABOVE,
  isLargeCashMove,
  isLargeFloat,
  unusualPrice
} from '@shared/money/unusual-amounts'
import { apiErrorOf } from '../api/client'
import { useErrorText } from '../i18n/error-text'
import { useMoney } from '../lib/money'
import { Dialog } from './Dialog'

/** Main's refusals that a yes lifts (`main/domain/money/unusual-amount.ts`); a price above the cap is not one. */
const QUESTION_KEYS = new Set([
  'errors.money.zeroPrice',
  'errors.money.largePrice',
  'errors.money.largeCashMove',
  'errors.money.largeFloat'
])

export function isAmountQuestion(error: ApiError | null | undefined): error is ApiError {
  return error !== null && error !== undefined && QUESTION_KEYS.has(error.key ?? '')
}

/** Typed decimal text as minor units, or null when it is no amount (main then says why). */
function minorOf(text: string, currency: string): number | null {
  try {
    return parseDecimalToMinor(text.trim(), currency, 'amount')
  } catch {
    return null
  }
}

/**
 * The question a screen asks before it sends an amount far outside what a shop does — the same
 * thresholds main refuses by (`shared/money/unusual-amounts.ts`), worded as main words them, so a
 * cashier is asked once, before a manager's PIN, not after it.
 */
export function useAmountQuestions() {
  const money = useMoney()
  const question = (key: string, field: string, minor: number, limit: number, currency: string) => ({
    code: 'VALIDATION' as const,
    message: key,
    field,
    key,
    params: { amount: money(minor, currency), limit: money(limit, currency) }
  })
  return {
    cashMove(text: string, currency: string): ApiError | null {
      const minor = minorOf(text, currency)
      if (minor === null || !isLargeCashMove(minor)) return null
      return question('errors.money.largeCashMove', 'amount', minor, CASH_MOVE_CONFIRM_ABOVE, currency)
    },
    float(minor: number | null, currency: string): ApiError | null {
      if (minor === null || !isLargeFloat(minor)) return null
      return question('errors.money.largeFloat', 'counts', minor, FLOAT_CONFIRM_ABOVE, currency)
    },
    /** A price as typed (`field` names its box); none when it is unchanged from `before` (minor units). */
    price(text: string, currency: string, field: string, before: number | null = null): ApiError | null {
      const minor = minorOf(text, currency)
      if (minor === null || minor === before) return null
      const why = unusualPrice(minor)
      if (why === 'zero') return question('errors.money.zeroPrice', field, 0, 0, currency)
      if (why === 'large')
        return question('errors.money.largePrice', field, minor, PRICE_CONFIRM_ABOVE, currency)
      return null
    }
  }
}

/**
 * "Is this amount right?": the question (main's words for it) and two answers; "No, change it" has
 * the focus, so an Enter that slips through sends nothing. `confirm(question, send)` asks the local
 * question first (null: none), sends with `confirmed`, and if main still asks (it compared with what
 * it holds), asks that and sends again once; any other refusal is thrown to the caller. Resolves
 * undefined when the person said no.
 */
export function useAmountConfirm(): {
  confirm: <T>(question: ApiError | null, send: (confirmed: boolean) => Promise<T>) => Promise<T | undefined>
  dialog: ReactNode
} {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [asking, setAsking] = useState<ApiError | null>(null)
  const answer = useRef<((yes: boolean) => void) | null>(null)
  const ask = (question: ApiError): Promise<boolean> =>
    new Promise((resolve) => {
      answer.current = resolve
      setAsking(question)
    })
  const reply = (yes: boolean): void => {
    answer.current?.(yes)
    answer.current = null
    setAsking(null)
  }
  const confirm = async <T,>(
    question: ApiError | null,
    send: (confirmed: boolean) => Promise<T>
  ): Promise<T | undefined> => {
    let confirmed = false
    if (question) {
      if (!(await ask(question))) return undefined
      confirmed = true
    }
    try {
      return await send(confirmed)
    } catch (caught) {
      const error = apiErrorOf(caught)
      if (confirmed || !isAmountQuestion(error)) throw caught
      if (!(await ask(error))) return undefined
      return await send(true)
    }
  }
  const dialog = (
    <Dialog
      title={t('amountConfirm.title')}
      open={asking !== null}
      onClose={() => reply(false)}
      actions={
        <>
          <button type="button" className="button button--ghost" autoFocus onClick={() => reply(false)}>
            {t('amountConfirm.back')}
          </button>
          <button type="button" className="button button--primary" onClick={() => reply(true)}>
            {t('amountConfirm.confirm')}
          </button>
        </>
      }
    >
      <p data-testid="amount-question">{asking && errorText(asking)}</p>
    </Dialog>
  )
  return { confirm, dialog }
}
