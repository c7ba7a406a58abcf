import { useEffect, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorText } from '../i18n/error-text'
import { CheckCircle2, Save, Undo2 } from 'lucide-react'
import { CASH_ROUNDING_MODES, ROUNDING_MODES, TAX_MODES, type StoreProfile } from '@shared/contract'
import { DEFAULT_SCALE_LABELS } from '@shared/barcodes/scale-label'
import { cashStepText, cashSteps } from '@shared/money/cash-steps'
import { isKnownCurrency } from '@shared/money/currencies'
import { formatMinor } from '@shared/money/format'
import { TextField } from '../components/TextField'
import { Field } from '../components/Field'
import { useSettingsStore } from '../stores/settings-store'
import { useSyncStore } from '../stores/sync-store'
import { ScreenHeader } from '../components/ScreenHeader'
import { ScaleLabelsFieldset } from './settings/ScaleLabelsFieldset'
import { CurrencySelect, LocaleSelect, TimeZoneSelect } from '../components/StoreProfileSelects'

import { SyncPanel } from './sync/SyncPanel'
import { ReceiptSettingsForm } from './ReceiptSettingsForm'
import { LossPreventionForm } from './settings/LossPreventionForm'

/** The currency's coin steps, as the contract accepts them (`cashSteps` is the one rule). */
function cashStepOptions(currency: string): string[] {
  if (!isKnownCurrency(currency)) return []
  return cashSteps(currency).map((step) => cashStepText(step, currency))
}

export function SettingsScreen() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { saved, draft, status, error, load, edit, discard, save } = useSettingsStore()
  const sync = useSyncStore((s) => s.status)
  const loadSync = useSyncStore((s) => s.load)
  // Enrolled: the store's time zone is the head office's (the pull applies it); shown, not edited.
  const hqStore = sync?.enrolled ? (sync.storeName ?? '') : null

  useEffect(() => {
    if (!saved) void load()
  }, [saved, load])
  useEffect(() => {
    if (!sync) void loadSync()
  }, [sync, loadSync])

  if (!draft) {
    return (
      <section className="screen" aria-busy={status === 'loading'}>
        <h1 className="screen__title">{t('settings.title')}</h1>
        {status === 'error' && <p role="alert">{t('settings.loadFailed')}</p>}
      </section>
    )
  }

  const dirty = JSON.stringify(saved) !== JSON.stringify(draft)
  const errorFor = (field: keyof StoreProfile): string | undefined =>
    error?.field === field ? errorText(error, { beside: true }) : undefined
  // Sales exist in the saved zone: main asked for the owner's word before moving their days.
  const zoneWarning = error?.code === 'CONFLICT' && error.field === 'timeZone'
  const steps = cashStepOptions(draft.currency)
  const stepOptions =
    draft.cashIncrement && !steps.includes(draft.cashIncrement) ? [draft.cashIncrement, ...steps] : steps
  const example = isKnownCurrency(draft.currency) ? formatMinor(123456, draft.currency, draft.locale) : ''

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void save()
  }

  return (
    <section className="screen" aria-labelledby="settings-title">
      <ScreenHeader titleId="settings-title" title={t('settings.title')} subtitle={t('settings.subtitle')} />

      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <fieldset className="card">
          <legend className="card__title">{t('settings.sectionStore')}</legend>
          <TextField
            label={t('settings.storeName')}
            error={errorFor('storeName')}
            value={draft.storeName}
            maxLength={80}
            autoComplete="organization"
            onChange={(value) => edit({ storeName: value })}
          />
          <LocaleSelect
            value={draft.locale}
            error={errorFor('locale')}
            onChange={(locale) => edit({ locale })}
          />
          <TimeZoneSelect
            value={draft.timeZone}
            disabled={hqStore !== null}
            {...(hqStore !== null ? { hint: t('settings.timeZoneFromHq', { store: hqStore }) } : {})}
            error={zoneWarning ? undefined : errorFor('timeZone')}
            onChange={(timeZone) => edit({ timeZone })}
          />
          {zoneWarning && (
            <div className="notice notice--error time-zone-warning" role="alert">
              <p>{errorText(error)}</p>
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => void save(true)}
                disabled={status === 'saving'}
              >
                {t('settings.timeZoneConfirm', { zone: draft.timeZone })}
              </button>
            </div>
          )}
        </fieldset>

        <fieldset className="card">
          <legend className="card__title">{t('settings.sectionMoney')}</legend>
          <CurrencySelect
            value={draft.currency}
            error={errorFor('currency')}
            hint={example ? `${t('settings.example')}: ${example}` : undefined}
            onChange={(currency) => edit({ currency, cashIncrement: null })}
          />
          <Field
            label={t('settings.rounding')}
            hint={t('settings.roundingHint')}
            error={errorFor('rounding')}
          >
            {(props) => (
              <select
                {...props}
                className="input"
                value={draft.rounding}
                onChange={(e) => edit({ rounding: e.target.value as StoreProfile['rounding'] })}
              >
                {ROUNDING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`settings.rounding_${mode.replace('-', '_')}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.taxMode')} error={errorFor('taxMode')}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={draft.taxMode}
                onChange={(e) => edit({ taxMode: e.target.value as StoreProfile['taxMode'] })}
              >
                {TAX_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`settings.taxMode_${mode}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('settings.cashIncrement')}
            hint={t('settings.cashIncrementHint')}
            error={errorFor('cashIncrement')}
          >
            {(props) => (
              <select
                {...props}
                className="input"
                value={draft.cashIncrement ?? ''}
                onChange={(e) => edit({ cashIncrement: e.target.value === '' ? null : e.target.value })}
              >
                <option value="">{t('settings.cashIncrement_none')}</option>
                {stepOptions.map((step) => (
                  <option key={step} value={step}>
                    {step} {draft.currency}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('settings.cashRoundingMode')}
            hint={t('settings.cashRoundingModeHint')}
            error={errorFor('cashRoundingMode')}
          >
            {(props) => (
              <select
                {...props}
                className="input"
                value={draft.cashRoundingMode}
                disabled={draft.cashIncrement === null}
                onChange={(e) =>
                  edit({ cashRoundingMode: e.target.value as StoreProfile['cashRoundingMode'] })
                }
              >
                {CASH_ROUNDING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`settings.cashRoundingMode_${mode.replace('-', '_')}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <ScaleLabelsFieldset
          layouts={draft.scaleLabels ?? DEFAULT_SCALE_LABELS}
          error={error?.field?.startsWith('scaleLabels') ? error : null}
          onChange={(scaleLabels) => edit({ scaleLabels })}
        />

        <div className="form-actions">
          <div className="form-actions__status" role="status" aria-live="polite">
            {status === 'saved' && !dirty && (
              <span className="status status--ok">
                <CheckCircle2 aria-hidden="true" size={20} /> {t('settings.saved')}
              </span>
            )}
            {status === 'error' && error && !error.field && (
              <span className="status status--error">{errorText(error)}</span>
            )}
            {dirty && status !== 'saving' && <span className="status">{t('settings.unsaved')}</span>}
          </div>
          <button
            type="button"
            className="button button--ghost"
            onClick={discard}
            disabled={!dirty || status === 'saving'}
          >
            <Undo2 aria-hidden="true" size={20} /> {t('settings.discard')}
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || status === 'saving'}>
            <Save aria-hidden="true" size={20} />{' '}
            {status === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>
      <ReceiptSettingsForm />

      {saved && <LossPreventionForm currency={saved.currency} />}

      <SyncPanel />
    </section>
  )
}
