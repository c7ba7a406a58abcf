import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import { hqApi } from '@shared/hq-api/index'
import type { HqProduct } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { useLoad } from '../../lib/use-load'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useMoney } from '../../lib/money'
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

  return (
    <div className="hq-master__tab">
      <div className="hq-master__toolbar">
        <input
          className="input"
          type="search"
          aria-label={t('hq.master.search')}
          placeholder={t('hq.master.search')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {catalog && <span className="muted">{t('hq.master.revision', { revision: catalog.revision })}</span>}
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('hq.master.product.new')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={error} />
      {catalog && catalog.products.length === 0 && (
        <p className="empty-state">{t('hq.master.product.empty')}</p>
      )}
      {shown.length > 0 && (
        <div className="hq-table-wrap hq-master__table">
          <table className="table hq-table">
            <TableHead
              columns={[
                { label: t('hq.master.product.columns.sku') },
                { label: t('hq.master.product.columns.name') },
                { label: t('hq.master.product.columns.category') },
                { label: t('hq.master.product.columns.price'), numeric: true },
                { label: t('hq.master.product.columns.tax'), numeric: true },
                { label: t('hq.master.product.columns.status') },
                { label: t('hq.master.product.columns.actions') }
              ]}
            />
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.sku}</th>
                  <td className="hq-master__name">
                    {i18n.language === 'zh-CN' ? p.nameZh : p.nameEn}
                    {p.barcodes.length > 0 && <span className="muted"> · {p.barcodes.join(' ')}</span>}
                  </td>
                  <td>{categoryName(p.categoryId)}</td>
                  <td className="num">
                    {money(p.priceMinor, catalog!.currency)}
                    {p.unit === 'kg' && <span className="muted"> /kg</span>}
                  </td>
                  <td className="num">{p.taxRate}</td>
                  <td>{p.active ? t('hq.master.product.active') : t('hq.master.product.inactive')}</td>
                  <td>
                    {!readOnly && (
                      <span className="hq-actions hq-master__row-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`${t('hq.master.product.edit')} ${p.sku}`}
                          onClick={() => setEditing(p)}
                        >
                          {t('hq.master.product.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`${t('hq.master.product.prices')} ${p.sku}`}
                          onClick={() => setPricing(p)}
                        >
                          {t('hq.master.product.prices')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
    </div>
  )
}
