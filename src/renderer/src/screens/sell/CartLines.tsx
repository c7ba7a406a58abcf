import { memo, useEffect, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ShoppingBasket } from 'lucide-react'
import type { CartLineView, CartView } from '@shared/contract/channels/cart'
import { useMoney } from '../../lib/money'
import { onEvent } from '../../api/client'
import { useCartStore } from '../../stores/cart-store'
import { TableHead } from '../../components/TableHead'
import { rateToPercent } from '@shared/money/rate-percent'

interface CartLinesProps {
  cart: CartView
  selectedLineId: string | null
  onSelect: (lineId: string) => void
}

/**
 * The cart as a table; the selected line is what the line editor changes. The selected line
 * (the one just scanned) is always scrolled into view, and names stay on one line.
 */
export function CartLines({ cart, selectedLineId, onSelect }: CartLinesProps) {
  const { t } = useTranslation()
  const money = useMoney()
  const selectedRow = useRef<HTMLTableRowElement>(null)
  const lineCount = cart.lines.length
  const selectedQuantity = cart.lines.find((line) => line.id === selectedLineId)?.quantity

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' })
  }, [selectedLineId, lineCount, selectedQuantity])
  // A price pulled from the head office or edited in another window shows on the lines at once
  // (their own prices stay: README "Selling", "When the catalog changes under a cart").
  const reload = useCartStore((s) => s.reload)
  useEffect(() => onEvent('catalog:changed', () => void reload()), [reload])

  if (cart.lines.length === 0) {
    return (
      <div className="cart-empty">
        <ShoppingBasket aria-hidden="true" size={56} />
        <p className="cart-empty__title">{t('sell.emptyCart')}</p>
        <p>{t('sell.emptyCartHint')}</p>
      </div>
    )
  }

  return (
    <div className="cart-lines" role="region" aria-label={t('sell.cart')}>
      <table className="table table--cart" data-figures={longFigures(cart, money) ? 'long' : undefined}>
        <TableHead
          columns={[
            { label: t('sell.columns.item') },
            { label: t('sell.columns.quantity'), numeric: true },
            { label: t('sell.columns.price'), numeric: true },
            { label: t('sell.columns.total'), numeric: true }
          ]}
        />
        <tbody>
          {cart.lines.map((line) => (
            <CartRow
              key={line.id}
              line={line}
              currency={cart.currency}
              selected={line.id === selectedLineId}
              rowRef={line.id === selectedLineId ? selectedRow : undefined}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Whether a line's figures are longer than the ordinary columns hold (a unit price of ¥10,000.00
 * or more, a line of ¥100,000,000.00 or more): the price and total columns then widen, at the
 * name's expense, so the longest a till takes (¥999,999.99 × 9,999 = ¥9,998,999,900.01, the caps
 * of `shared/money/unusual-amounts.ts` and `LINE_QUANTITY_CAP`) is shown whole, never cut or run
 * into its neighbour.
 */
function longFigures(cart: CartView, money: (minor: number, currency: string) => string): boolean {
  return cart.lines.some(
    (line) =>
      money(line.unitPrice, cart.currency).length > 9 ||
      money(Math.max(line.gross, line.netAfterDiscount), cart.currency).length > 13
  )
}

interface CartRowProps {
  line: CartLineView
  currency: string
  selected: boolean
  rowRef: RefObject<HTMLTableRowElement | null> | undefined
  onSelect: (lineId: string) => void
}

/**
 * One line of the cart. Every answer from main is a new cart object, so a row re-renders only
 * when what it shows changed (compared by value): a scan into a 200-line cart paints one new
 * row, not 200 (issue 10's felt speed).
 */
const CartRow = memo(
  function CartRow({ line, currency, selected, rowRef, onSelect }: CartRowProps) {
    const { t, i18n } = useTranslation()
    const money = useMoney()
    const name = i18n.language === 'en' && line.nameEn ? line.nameEn : line.name
    const discount = line.lineDiscount + line.orderDiscount
    return (
      <tr
        ref={rowRef}
        aria-selected={selected}
        className={selected ? 'is-selected' : undefined}
        onClick={() => onSelect(line.id)}
      >
        <th scope="row">
          <button
            type="button"
            className="linkish cart-lines__name"
            title={name}
            onClick={() => onSelect(line.id)}
          >
            {name}
          </button>
          <span className="cart-lines__sku">
            {line.sku}
            {line.priceOverridden && <span className="badge badge--warn">{t('sell.overridden')}</span>}
            <CatalogChangeBadges line={line} currency={currency} />
          </span>
        </th>
        <td className="num">
          {line.weightPending ? (
            <span className="badge badge--warn">{t('counter.weightBadge')}</span>
          ) : (
            <>
              {line.quantity}
              {/* The unit goes under the figure, as the code goes under the name: a weight such as
                  12.345 and its unit on one line would run into the unit price. */}
              {line.unit === 'kg' && <span className="cart-lines__unit"> {t('sell.unitKg')}</span>}
            </>
          )}
        </td>
        <td className="num">
          {money(line.unitPrice, currency)}
          {line.unit === 'kg' && <span className="cart-lines__unit">{t('sell.perKg')}</span>}
        </td>
        <td className="num">
          {/* No weight, no price: the line adds nothing to the total until it is weighed. */}
          {line.weightPending ? (
            <span className="muted" data-testid="line-unpriced">
              —
            </span>
          ) : (
            <span className="strong">{money(line.netAfterDiscount, currency)}</span>
          )}
          {/* The discount sits under the line total: the name keeps the room. */}
          {discount > 0 && (
            <span className="discount cart-lines__discount">−{money(discount, currency)}</span>
          )}
        </td>
      </tr>
    )
  },
  (before, after) =>
    before.selected === after.selected &&
    before.currency === after.currency &&
    before.rowRef === after.rowRef &&
    before.onSelect === after.onSelect &&
    JSON.stringify(before.line) === JSON.stringify(after.line)
)

/**
 * What the catalog did to a line's product since it was rung up (`catalogChange`): told on the
 * line, never applied to it, so what the cart shows is what is charged. The badge's title says
 * what the cashier can do about it (README "Selling", "When the catalog changes under a cart").
 */
function CatalogChangeBadges({ line, currency }: { line: CartLineView; currency: string }) {
  const { t } = useTranslation()
  const money = useMoney()
  const change = line.catalogChange
  if (!change) return null
  if (!change.onSale)
    return (
      <span className="badge badge--stop" title={t('sell.catalogChange.offSaleHint')}>
        {t('sell.catalogChange.offSale')}
      </span>
    )
  return (
    <>
      {change.unitPrice !== null && (
        <span
          className="badge badge--warn"
          title={t('sell.catalogChange.priceHint', {
            was: money(line.listPrice, currency),
            price: money(change.unitPrice, currency)
          })}
        >
          {t('sell.catalogChange.price', { price: money(change.unitPrice, currency) })}
        </span>
      )}
      {change.taxRate !== null && (
        <span
          className="badge badge--warn"
          title={t('sell.catalogChange.taxRateHint', {
            was: rateToPercent(line.taxRate),
            rate: rateToPercent(change.taxRate)
          })}
        >
          {t('sell.catalogChange.taxRate', { rate: rateToPercent(change.taxRate) })}
        </span>
      )}
    </>
  )
}
