import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckCircle2, Save } from 'lucide-react'
import { zodRefusal, type ApiError, type LossPrevention, type LossPreventionInput } from '@shared/contract'
import { lossPreventionInputSchema } from '@shared/contract/channels/approvals'
import { minorToDecimalString } from '@shared/money/format'
import { percentToRate, rateToPercent } from '@shared/money/rate-percent'
import { ApiCallError, call } from '../../api/client'
import { TextField } from '../../components/TextField'
import { useErrorText } from '../../i18n/error-text'

/** The form's text, as typed: amounts in the store currency, the discount limit in percent. */
interface Draft {
  refundApprovalThreshold: string
  shiftRefundLimit: string
  cashRefundThreshold: string
  lineDiscountPercent: string
  blindClose: boolean
}

function toDraft(policy: LossPrevention, currency: string): Draft {
  return {
    refundApprovalThreshold: minorToDecimalString(policy.refundApprovalThreshold, currency),
    shiftRefundLimit:
      policy.shiftRefundLimit === null ? '' : minorToDecimalString(policy.shiftRefundLimit, currency),
    cashRefundThreshold: minorToDecimalString(policy.cashRefundThreshold, currency),
    lineDiscountPercent: rateToPercent(policy.lineDiscountLimit),
    blindClose: policy.blindClose
  }
}

function toInput(draft: Draft): LossPreventionInput {
  return {
    refundApprovalThreshold: draft.refundApprovalThreshold,
    shiftRefundLimit: draft.shiftRefundLimit === '' ? null : draft.shiftRefundLimit,
    cashRefundThreshold: draft.cashRefundThreshold,
    lineDiscountLimit: percentToRate(draft.lineDiscountPercent),
    blindClose: draft.blindClose
  }
}

/**
 * Loss prevention in Settings: what a cashier may do alone before a manager approves in
 * place (refunds per order and per shift, cash paid out, line discounts) and whether the
 * closing count is blind. Saved on its own, through `approvals:update-policy`.
 */
export function LossPreventionForm({ currency }: { currency: string }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [saved, setSaved] = useState<Draft | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle')
  const [error, setError] = useState<ApiError | null>(null)
  // Every field's problem at once, checked here by the contract's own schema before saving.
  const [issues, setIssues] = useState<ApiError[]>([])
  const formRef = useRef<HTMLFormElement>(null)

  // A refused field may be scrolled out of view under the save bar: take the owner to it.
  useEffect(() => {
    if (error?.field || issues.length > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [error, issues])

  useEffect(() => {
    let live = true
    void call('approvals:get-policy', {}).then(
      (policy) => {
        if (!live) return
        setSaved(toDraft(policy, currency))
        setDraft(toDraft(policy, currency))
      },
      (failure: unknown) => live && failure instanceof ApiCallError && setError(failure.error)
    )
    return () => {
      live = false
    }
  }, [currency])

  if (!draft) return error ? <p role="alert">{errorText(error)}</p> : null

  const dirty = JSON.stringify(saved) !== JSON.stringify(draft)
  const edit = (patch: Partial<Draft>): void => {
    setDraft({ ...draft, ...patch })
    setStatus('idle')
    setError(null)
    const fields = Object.keys(patch).map((key) =>
      key === 'lineDiscountPercent' ? 'lineDiscountLimit' : key
    )
    setIssues((found) => found.filter((issue) => !(issue.field && fields.includes(issue.field))))
  }
  const errorFor = (field: keyof LossPreventionInput): string | undefined => {
    const found =
      issues.find((issue) => issue.field === field) ?? (error?.field === field ? error : undefined)
    return found ? errorText(found, { beside: true }) : undefined
  }

  /** The percent field is a percentage on screen: 0 to 100, not the rate's 0 to 1. */
  const percentIssue = (): ApiError | undefined => {
    const percent = draft.lineDiscountPercent.trim()
    if (
      /^\d+(\.\d+)?$/.test(percent) &&
      Number(percent.split('.')[0]) <= 100 &&
      !/^100\.0*[1-9]/.test(percent)
    )
      return undefined
    return {
      code: 'VALIDATION',
      field: 'lineDiscountLimit',
      message: 'lineDiscountLimit: must be from 0 to 100',
      key: 'errors.validation.range',
      params: { minimum: '0', maximum: '100' }
    }
  }

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = lossPreventionInputSchema.safeParse(toInput(draft))
    const percent = percentIssue()
    // The percent's own words first: the rate's "0 to 1" is not what the owner typed.
    const found = [
      ...(percent ? [percent] : []),
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => zodRefusal(issue)))
    ].filter((issue, i, all) => all.findIndex((other) => other.field === issue.field) === i)
    setIssues(found)
    if (found.length > 0) {
      setStatus('idle')
      return
    }
    setStatus('saving')
    try {
      const policy = await call('approvals:update-policy', toInput(draft))
      setSaved(toDraft(policy, currency))
      setDraft(toDraft(policy, currency))
      setStatus('saved')
    } catch (failure) {
      setStatus('error')
      setError(
        failure instanceof ApiCallError ? failure.error : { code: 'INTERNAL', message: String(failure) }
      )
    }
  }

  return (
    <form ref={formRef} className="settings-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <fieldset className="card">
        <legend className="card__title">{t('lossPrevention.title')}</legend>
        <p className="field__hint loss-prevention__intro">{t('lossPrevention.intro')}</p>
        <TextField
          label={t('lossPrevention.refundApprovalThreshold', { currency })}
          hint={t('lossPrevention.refundApprovalThresholdHint')}
          error={errorFor('refundApprovalThreshold')}
          value={draft.refundApprovalThreshold}
          inputMode="decimal"
          onChange={(value) => edit({ refundApprovalThreshold: value })}
        />
        <TextField
          label={t('lossPrevention.shiftRefundLimit', { currency })}
          hint={t('lossPrevention.shiftRefundLimitHint')}
          error={errorFor('shiftRefundLimit')}
          value={draft.shiftRefundLimit}
          inputMode="decimal"
          placeholder={t('lossPrevention.noLimit')}
          onChange={(value) => edit({ shiftRefundLimit: value })}
        />
        <TextField
          label={t('lossPrevention.cashRefundThreshold', { currency })}
          hint={t('lossPrevention.cashRefundThresholdHint')}
          error={errorFor('cashRefundThreshold')}
          value={draft.cashRefundThreshold}
          inputMode="decimal"
          onChange={(value) => edit({ cashRefundThreshold: value })}
        />
        <TextField
          label={t('lossPrevention.lineDiscountLimit')}
          hint={t('lossPrevention.lineDiscountLimitHint')}
          error={errorFor('lineDiscountLimit')}
          value={draft.lineDiscountPercent}
          inputMode="decimal"
          onChange={(value) => edit({ lineDiscountPercent: value })}
        />
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.blindClose}
              onChange={(event) => edit({ blindClose: event.target.checked })}
            />{' '}
            {t('lossPrevention.blindClose')}
          </label>
          <p className="field__hint">{t('lossPrevention.blindCloseHint')}</p>
        </div>
      </fieldset>
      <div className="form-actions">
        <div className="form-actions__status" role="status" aria-live="polite">
          {status === 'saved' && !dirty && (
            <span className="status status--ok">
              <CheckCircle2 aria-hidden="true" size={20} /> {t('lossPrevention.saved')}
            </span>
          )}
          {status === 'error' && error && !error.field && (
            <span className="status status--error">{errorText(error)}</span>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={!dirty || status === 'saving'}>
          <Save aria-hidden="true" size={20} /> {t('lossPrevention.save')}
        </button>
      </div>
    </form>
  )
}
