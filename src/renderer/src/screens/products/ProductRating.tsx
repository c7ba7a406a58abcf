import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductRating as Rating } from '@shared/contract/channels/evaluations'
import { call } from '../../api/client'

/** Customers' average rating per SKU, loaded once when the catalog shows. */
export function useProductRatings(): ReadonlyMap<string, Rating> {
  const [ratings, setRatings] = useState<ReadonlyMap<string, Rating>>(new Map())
  useEffect(() => {
    void call('evaluations:product-ratings', {})
      .then((rows) => setRatings(new Map(rows.map((row) => [row.sku, row]))))
      .catch(() => undefined)
  }, [])
  return ratings
}

/** "4.5 ★ (12)" beside a product that customers have rated. */
export function ProductRating({ rating }: { rating: Rating | undefined }) {
  const { t } = useTranslation()
  if (!rating) return null
  return (
    <span
      className="product-rating"
      aria-label={t('evaluations.catalogLabel', { average: rating.average, count: rating.count })}
    >
      {t('evaluations.catalog', { average: rating.average, count: rating.count })}
    </span>
  )
}
