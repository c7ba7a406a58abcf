import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { minorToDecimalString } from '@shared/money/format'
import { hqApi } from '@shared/hq-api/index'
import type { HqProduct, ProductPrices } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormErrors } from './shared'

/**
 * One product's price in every store the user sees, each typed in yuan; the changed ones are
 * published together (one revision per store, one audit row).
 */
export function PricesDialog({
  product,
  onClose,
  onSaved
}: {
  product: HqProduct
  onClose: () => void
  onSaved: (revision: number | undefined) => void
}) {
  const { t, i18n } = useTranslation()
  const [prices, setPrices] = useState<ProductPrices | null>(null)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    call(hqApi.master.prices, { productId: product.id }).then(
      (answer) => {
        setPrices(answer)
        setTyped(
          Object.fromEntries(
            answer.prices
              .filter((p) => p.priceMinor !== null)
              .map((p) => [p.storeId, minorToDecimalString(p.priceMinor!, p.currency)])
          )
        )
      },
      (failure: unknown) => setError(failure)
    )
  }, [product.id])
  const sold = prices?.prices.filter((p) => p.priceMinor !== null) ?? []
  const errors = useFormErrors(
    error,
    sold.map((_, i) => `prices[${i}].price`)
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const changed = sold.filter((p) => typed[p.storeId] !== minorToDecimalString(p.priceMinor!, p.currency))
    if (changed.length === 0) return onClose()
    setBusy(true)
    try {
      const answer = await call(hqApi.master.setPrices, {
        productId: product.id,
        prices: changed.map((p) => ({ storeId: p.storeId, price: typed[p.storeId] ?? '' }))
      })
      onSaved(answer.revisions[0]?.revision)
    } catch (failure) {
      // The refusal names `prices[i]` of what was sent: point it at that store's field.
      setError(
        remap(
          failure,
          changed.map((p) => sold.indexOf(p))
        )
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('hq.master.prices.title', {
        name: i18n.language === 'zh-CN' ? product.nameZh : product.nameEn
      })}
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <p className="muted">{t('hq.master.prices.intro')}</p>
        {prices?.prices.map((p) => {
          const i = sold.indexOf(p)
          return p.priceMinor === null ? (
            <p key={p.storeId} className="muted">
              {p.storeName}: {t('hq.master.prices.notSold')}
            </p>
          ) : (
            <TextField
              key={p.storeId}
              label={`${p.storeName} (¥)`}
              value={typed[p.storeId] ?? ''}
              onChange={(value) => setTyped({ ...typed, [p.storeId]: value })}
              error={errors.of(`prices[${i}].price`)}
              inputMode="decimal"
              {...(i === 0 ? { 'data-autofocus': true } : {})}
              required
            />
          )
        })}
        {errors.notice && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !prices}>
            {t('hq.master.prices.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** Renames `prices[k]…` in a refusal's field to `prices[sent[k]]…` (its place in the whole list). */
function remap(failure: unknown, sent: number[]): unknown {
  const holder = failure as { error?: { field?: string }; issues?: { field?: string }[] }
  // `error` is the first of `issues` (the same object): each is renamed once.
  for (const issue of new Set([...(holder?.issues ?? []), ...(holder?.error ? [holder.error] : [])])) {
    const match = issue.field ? /^prices\[(\d+)\](.*)$/.exec(issue.field) : null
    if (match) issue.field = `prices[${sent[Number(match[1])]}]${match[2]}`
  }
  return failure
}
