import { memo, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category, Product } from '@shared/contract'
import { call } from '../../api/client'
import { useMoney } from '../../lib/money'
import { useAppStore } from '../../stores/app-store'

interface ProductGridProps {
  query: string
  onPick: (product: Product) => void
  /** The search result ↑/↓ in the scan bar highlights (-1: none). */
  activeIndex: number
  /** The products shown, so the scan bar can pick the highlighted one. */
  onResults: (products: Product[]) => void
}

/**
 * Big tiles by category, or the search results for what is typed in the scan bar. Memoised:
 * a scan changes the cart, not the grid, and its 60 tiles were drawn again on every scan
 * (issue 10's felt speed).
 */
export const ProductGrid = memo(function ProductGrid({
  query,
  onPick,
  activeIndex,
  onResults
}: ProductGridProps) {
  const { t } = useTranslation()
  const money = useMoney()
  const language = useAppStore((s) => s.language)
  const [categories, setCategories] = useState<Category[]>([])
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [products, setProducts] = useState<Product[]>([])

  useEffect(() => {
    void call('catalog:list-categories', {}).then((list) => setCategories(list.filter((c) => c.active)))
  }, [])

  useEffect(() => {
    let stale = false
    const search = query.trim()
    void call('catalog:search', {
      query: search,
      categoryId: search ? null : categoryId,
      limit: 60,
      language
    }).then((result) => {
      if (stale) return
      setProducts(result.products)
      onResults(result.products)
    })
    return () => {
      stale = true
    }
  }, [query, categoryId, language, onResults])

  const nameOf = (item: { nameZh: string; nameEn: string }): string =>
    language === 'en' ? item.nameEn : item.nameZh

  return (
    <section
      className="product-grid"
      aria-label={query.trim() ? t('sell.grid.search') : t('sell.grid.title')}
    >
      {!query.trim() && (
        <div className="chips" role="group" aria-label={t('sell.grid.title')}>
          <button
            type="button"
            className="chip"
            aria-pressed={categoryId === null}
            onClick={() => setCategoryId(null)}
          >
            {t('sell.grid.all')}
          </button>
          {categories.map((category) => (
            <button
              key={category.id}
              type="button"
              className="chip"
              aria-pressed={categoryId === category.id}
              onClick={() => setCategoryId(category.id)}
            >
              {nameOf(category)}
            </button>
          ))}
        </div>
      )}
      {products.length === 0 ? (
        <p className="muted">{t('sell.grid.none')}</p>
      ) : (
        <ul className="tiles">
          {products.map((product, index) => (
            <li key={product.id}>
              <button
                type="button"
                className={`tile${index === activeIndex ? ' is-active' : ''}`}
                aria-current={index === activeIndex ? 'true' : undefined}
                ref={index === activeIndex ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
                onClick={() => onPick(product)}
              >
                <span className="tile__name">{nameOf(product)}</span>
                <span className="tile__price">
                  {money(product.priceMinor)}
                  {product.unit === 'kg' ? t('sell.perKg') : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
