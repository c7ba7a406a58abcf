import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Download, Pencil, PackagePlus, Search, Tags, Upload } from 'lucide-react'
import type { ApiError, Product } from '@shared/contract'
import { call, onEvent } from '../../api/client'
import { useMoney } from '../../lib/money'
import { isGtin } from '../../lib/burst-detector'
import { takeBurst } from '../../lib/scanner'
import { useAuthStore } from '../../stores/auth-store'
import { PRODUCTS_PAGE, useProductsStore } from '../../stores/products-store'
import { toApiError, useSettingsStore } from '../../stores/settings-store'
import { CategoriesDialog } from './CategoriesDialog'
import { ImportDialog } from './ImportDialog'
import { ProductDialog } from './ProductDialog'
import '../../styles/products.css'
import { ProductRating, useProductRatings } from './ProductRating'
import { ScreenHeader } from '../../components/ScreenHeader'
import { rateToPercent } from '@shared/money/rate-percent'
import { useErrorText } from '../../i18n/error-text'
import { downloadCsv } from '../../lib/download'

/** How long the search waits for typing to pause (the Sell screen's scan bar waits as long). */
const SEARCH_DELAY_MS = 150

type Editing = { product: Product | null } | null

/** A message about one product, worded when shown (so it follows a language switch). */
type Notice =
  | { kind: 'ok'; key: 'catalog.saved' | 'catalog.deactivated' | 'catalog.reactivated'; product: Product }
  | { kind: 'ok'; key: 'catalog.exported'; count: number; file: string }
  | { kind: 'error'; error: ApiError }

/**
 * The catalog: instant search (name in either language, SKU, barcode — a scan works too), category
 * chips, and for managers add / edit / take off sale, CSV import and export.
 */
export function ProductsScreen() {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const currency = useSettingsStore((s) => s.saved?.currency ?? 'CNY')
  const canManage = useAuthStore((s) => s.status?.user?.permissions.includes('catalog-manage') ?? false)
  const store = useProductsStore()
  const { query, categoryId, includeInactive, categories, products, total, status, search, loadCategories } =
    store
  const [editing, setEditing] = useState<Editing>(null)
  const ratings = useProductRatings()
  const [importing, setImporting] = useState(false)
  const [showCategories, setShowCategories] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [exporting, setExporting] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void loadCategories()
  }, [loadCategories])
  useEffect(() => {
    // A typed search waits for the typing to pause: a scanner's 13 keys are one search, not 13
    // answers repainting the table under the keys still arriving (as the Sell screen's scan bar).
    const timer = setTimeout(() => void search(language), query ? SEARCH_DELAY_MS : 0)
    return () => clearTimeout(timer)
  }, [query, categoryId, includeInactive, language, search])
  useEffect(
    () =>
      onEvent('catalog:changed', () => {
        void loadCategories()
        void search(language)
      }),
    [language, loadCategories, search]
  )

  const nameOf = (p: Product): string => (language === 'en' ? p.nameEn : p.nameZh)
  const otherName = (p: Product): string => (language === 'en' ? p.nameZh : p.nameEn)
  const categoryName = (id: string | null): string => {
    const category = categories.find((c) => c.id === id)
    if (!category) return t('catalog.noCategory')
    return language === 'en' ? category.nameEn : category.nameZh
  }

  const errorText = useErrorText()
  const noticeText = (n: Notice): string => {
    if (n.kind === 'error') return errorText(n.error)
    if (n.key === 'catalog.exported') return t(n.key, { count: n.count, file: n.file })
    return t(n.key, { name: nameOf(n.product) })
  }

  const refresh = (): void => {
    void loadCategories()
    void search(language)
  }

  const toggleActive = async (product: Product): Promise<void> => {
    try {
      const saved = product.active
        ? await call('catalog:deactivate-product', { id: product.id })
        : await call('catalog:update-product', { id: product.id, active: true })
      setNotice({
        kind: 'ok',
        key: saved.active ? 'catalog.reactivated' : 'catalog.deactivated',
        product: saved
      })
      refresh()
    } catch (error) {
      setNotice({ kind: 'error', error: toApiError(error) })
    }
  }

  const exportCsv = async (): Promise<void> => {
    setExporting(true)
    try {
      const file = await call('catalog:export-csv', {})
      downloadCsv(file.fileName, file.csv)
      setNotice({ kind: 'ok', key: 'catalog.exported', count: file.rows, file: file.fileName })
    } catch (error) {
      setNotice({ kind: 'error', error: toApiError(error) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <section className="screen screen--wide products" aria-labelledby="products-title">
      <ScreenHeader
        titleId="products-title"
        title={t('catalog.title')}
        subtitle={canManage ? t('catalog.subtitle') : t('catalog.readOnly')}
      >
        {canManage && (
          <div className="products__actions">
            <button type="button" className="button button--ghost" onClick={() => setShowCategories(true)}>
              <Tags aria-hidden="true" size={20} /> {t('catalog.categoryAdmin.button')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setImporting(true)}>
              <Upload aria-hidden="true" size={20} /> {t('catalog.import')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void exportCsv()}
              disabled={exporting}
            >
              <Download aria-hidden="true" size={20} />{' '}
              {exporting ? t('catalog.exporting') : t('catalog.export')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing({ product: null })}
            >
              <PackagePlus aria-hidden="true" size={20} /> {t('catalog.add')}
            </button>
          </div>
        )}
      </ScreenHeader>

      <div className="products__filters">
        <div className="products__search">
          <Search aria-hidden="true" size={22} className="products__search-icon" />
          <label htmlFor="products-search" className="visually-hidden">
            {t('catalog.searchLabel')}
          </label>
          <input
            id="products-search"
            ref={searchRef}
            className="input products__search-input"
            type="search"
            // A scanned code is a search here: the burst lands in the box instead of being swallowed.
            data-scan-target=""
            autoFocus
            autoComplete="off"
            placeholder={t('catalog.searchPlaceholder')}
            value={query}
            onChange={(e) => store.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              // A scanner types the code and Enter: select it so the next scan replaces it. A scan
              // just after a person's keys is a new search too, for the code alone ("500" then a
              // scan searched "5006923…" and found nothing). Only a code whose check digit holds:
              // keys a busy machine delivered late are not cut off a whole scan the box holds.
              const box = e.currentTarget
              const burst = takeBurst(box)
              if (burst && box.value !== burst && isGtin(burst) && !isGtin(box.value)) {
                store.setQuery(burst)
                requestAnimationFrame(() => box.select())
              } else box.select()
            }}
          />
        </div>
        <div role="group" aria-label={t('catalog.categories')} className="chips products__chips">
          <button
            type="button"
            className="chip"
            aria-pressed={categoryId === null}
            onClick={() => store.setCategory(null)}
          >
            {t('catalog.allCategories')}
          </button>
          {categories.map((c) => (
            <button
              key={c.id}
              type="button"
              className="chip"
              aria-pressed={categoryId === c.id}
              onClick={() => store.setCategory(c.id)}
            >
              {language === 'en' ? c.nameEn : c.nameZh}
              <span className="chip__count" aria-hidden="true">
                {c.productCount}
              </span>
            </button>
          ))}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => store.setIncludeInactive(e.target.checked)}
          />
          <span>{t('catalog.showInactive')}</span>
        </label>
      </div>

      <div className="products__status" role="status" aria-live="polite">
        {notice && <span className={`status status--${notice.kind}`}>{noticeText(notice)}</span>}
        {status === 'ready' && (
          <span className="muted">
            {total > products.length
              ? `${t('catalog.showing', { shown: products.length, total })} ${t('catalog.refine')}`
              : t('catalog.showingAll', { count: total })}
          </span>
        )}
      </div>
      {status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('catalog.loadFailed')}: {store.error ? errorText(store.error) : ''}
        </p>
      )}

      <div className="products__table-wrap">
        <table
          className="table products__table"
          aria-label={t('catalog.tableLabel')}
          aria-busy={status === 'loading'}
        >
          <thead>
            <tr>
              <th scope="col">{t('catalog.columns.name')}</th>
              <th scope="col">{t('catalog.columns.sku')}</th>
              <th scope="col">{t('catalog.columns.barcode')}</th>
              <th scope="col">{t('catalog.columns.category')}</th>
              <th scope="col" className="num">
                {t('catalog.columns.price')}
              </th>
              <th scope="col" className="num">
                {t('catalog.columns.tax')}
              </th>
              <th scope="col">{t('catalog.columns.unit')}</th>
              {canManage && <th scope="col">{t('catalog.columns.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} className={p.active ? undefined : 'is-inactive'}>
                <th scope="row" className="products__name">
                  <span lang={language}>{nameOf(p)}</span>
                  <ProductRating rating={ratings.get(p.sku)} />
                  {!p.active && <span className="pill pill--off">{t('catalog.inactive')}</span>}
                  <span className="products__other-name" lang={language === 'en' ? 'zh-CN' : 'en'}>
                    {otherName(p)}
                  </span>
                </th>
                <td className="products__code">{p.sku}</td>
                <td className="products__code">
                  {p.barcodes[0] ?? '—'}
                  {p.barcodes.length > 1 && (
                    <span className="products__more">
                      {t('catalog.moreBarcodes', { count: p.barcodes.length - 1 })}
                    </span>
                  )}
                </td>
                <td className="products__category">{categoryName(p.categoryId)}</td>
                <td className="num strong">
                  {money(p.priceMinor)}
                  {p.unit === 'kg' && <span className="muted">{t('catalog.perKg')}</span>}
                </td>
                <td className="num">{t('catalog.percent', { value: rateToPercent(p.taxRate) })}</td>
                <td>{t(`catalog.units.${p.unit}`)}</td>
                {canManage && (
                  <td>
                    <div className="products__row-actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('catalog.editNamed', { name: nameOf(p) })}
                        onClick={() => setEditing({ product: p })}
                      >
                        <Pencil aria-hidden="true" size={18} /> {t('catalog.edit')}
                      </button>
                      <button
                        type="button"
                        className={`button button--small${p.active ? ' button--danger-ghost' : ''}`}
                        aria-label={t(p.active ? 'catalog.deactivateNamed' : 'catalog.reactivateNamed', {
                          name: nameOf(p)
                        })}
                        onClick={() => void toggleActive(p)}
                      >
                        {p.active ? t('catalog.deactivate') : t('catalog.reactivate')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'ready' && products.length === 0 && (
          <div className="empty-state products__empty">
            <p className="empty-state__title">{t('catalog.empty')}</p>
            <p className="empty-state__body">{t('catalog.emptyHint')}</p>
          </div>
        )}
        {products.length >= PRODUCTS_PAGE && total > PRODUCTS_PAGE && (
          <p className="muted products__more-hint">{t('catalog.refine')}</p>
        )}
      </div>

      {editing && (
        <ProductDialog
          product={editing.product}
          categories={categories}
          defaultCategoryId={categoryId}
          currency={currency}
          onClose={() => {
            setEditing(null)
            searchRef.current?.focus()
          }}
          onSaved={(saved) => {
            setEditing(null)
            setNotice({ kind: 'ok', key: 'catalog.saved', product: saved })
            refresh()
            searchRef.current?.focus()
          }}
        />
      )}
      {showCategories && <CategoriesDialog onClose={() => setShowCategories(false)} />}
      {importing && (
        <ImportDialog
          onClose={() => {
            setImporting(false)
            searchRef.current?.focus()
          }}
          onImported={refresh}
        />
      )}
    </section>
  )
}
