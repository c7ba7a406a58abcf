import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hqApi } from '@shared/hq-api/index'
import type { HqProduct } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { useMoney } from '../../lib/money'
import { MasterTable, RowButton } from './master-kit'
import { PricesDialog } from './PricesDialog'
import { ProductDialog } from './ProductDialog'
import type { MasterTabProps } from './shared'

/** A store's products with this store's price; new, edit, and prices per store (writers only). */
export function ProductsTab(props: MasterTabProps) {
  const { store, readOnly } = props
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const {
    data: catalog,
    error,
    reload
  } = useLoad(() => call(hqApi.master.catalog, { storeId: store.id }), store.id)
  const [filter, setFilter] = useState('')
  const [editing, setEditing] = useState<HqProduct | 'new' | null>(null)
  const [pricing, setPricing] = useState<HqProduct | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean)
    return (catalog?.products ?? []).filter((p) =>
      words.every((w) => [p.sku, p.nameZh, p.nameEn, ...p.barcodes].some((f) => f.toLowerCase().includes(w)))
    )
  }, [catalog, filter])
  const categoryName = (id: string | null) => {
    const c = catalog?.categories.find((x) => x.id === id)
    return c ? (i18n.language === 'zh-CN' ? c.nameZh : c.nameEn) : '—'
  }
  const published = (revision: number | undefined) => {
    setNotice(revision === undefined ? null : t('hq.master.saved', { revision }))
    reload()
  }

  const column = (key: string) => t(`hq.master.product.columns.${key}`)

  return (
    <>
      <MasterTable
        rows={catalog ? shown : null}
        toolbar={
          <>
            <input
              className="input"
              type="search"
              aria-label={t('hq.master.search')}
              placeholder={t('hq.master.search')}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            {catalog && (
              <span className="muted">{t('hq.master.revision', { revision: catalog.revision })}</span>
            )}
          </>
        }
        readOnly={readOnly}
        newLabel={t('hq.master.product.new')}
        onNew={() => setEditing('new')}
        notice={notice}
        error={error}
        // Empty is "no products at all", not "none match the search".
        empty={catalog?.products.length === 0}
        emptyText={t('hq.master.product.empty')}
        columns={[
          { label: column('sku'), cell: (p) => p.sku },
          {
            label: column('name'),
            className: 'hq-master__name',
            cell: (p) => (
              <>
                {i18n.language === 'zh-CN' ? p.nameZh : p.nameEn}
                {p.barcodes.length > 0 && <span className="muted"> · {p.barcodes.join(' ')}</span>}
              </>
            )
          },
          { label: column('category'), cell: (p) => categoryName(p.categoryId) },
          {
            label: column('price'),
            numeric: true,
            cell: (p) => (
              <>
                {money(p.priceMinor, catalog!.currency)}
                {p.unit === 'kg' && <span className="muted"> /{t('hq.master.product.units.kg')}</span>}
              </>
            )
          },
          { label: column('tax'), numeric: true, cell: (p) => p.taxRate },
          {
            label: column('status'),
            cell: (p) => (p.active ? t('hq.master.product.active') : t('hq.master.product.inactive'))
          }
        ]}
        actionsLabel={column('actions')}
        actions={(p) => (
          <span className="hq-actions hq-master__row-actions">
            <RowButton label={t('hq.master.product.edit')} name={p.sku} onClick={() => setEditing(p)} />
            <RowButton label={t('hq.master.product.prices')} name={p.sku} onClick={() => setPricing(p)} />
          </span>
        )}
      />
      {editing && catalog && (
        <ProductDialog
          {...props}
          catalog={catalog}
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(revision) => {
            setEditing(null)
            published(revision)
          }}
        />
      )}
      {pricing && (
        <PricesDialog
          product={pricing}
          onClose={() => setPricing(null)}
          onSaved={(revision) => {
            setPricing(null)
            published(revision)
          }}
        />
      )}
    </>
  )
}
