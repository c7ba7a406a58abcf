import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '@shared/contract/channels/orders'
import { useMoney } from '../lib/money'
import { TableHead } from './TableHead'

interface OrdersTableProps {
  orders: OrderSummary[]
  /** Show the date as well as the time (history spans days; a day's drill-down does not). */
  withDate?: boolean
  selectedId?: string | null
  /** Makes each order number a button that opens it. */
  onOpen?: (orderId: string) => void
  /** The amount column: what the customer paid, unless a figure's share is given (a tender's part). */
  amount?: { label: string; of: (order: OrderSummary) => number }
}

/** Orders as a table: number, time, cashier, what was paid, status. */
export function OrdersTable({
  orders,
  withDate = false,
  selectedId = null,
  onOpen,
  amount
}: OrdersTableProps) {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const when = (order: OrderSummary): string => {
    const at = order.paidAt ?? order.createdAt
    return withDate
      ? new Date(at).toLocaleString(i18n.language)
      : new Date(at).toLocaleTimeString(i18n.language)
  }
  return (
    <table className="table">
      <TableHead
        columns={[
          { label: t('orders.columns.number') },
          { label: t('orders.columns.time') },
          { label: t('orders.columns.cashier') },
          { label: amount?.label ?? t('orders.columns.total'), numeric: true },
          { label: t('orders.columns.status') }
        ]}
      />
      <tbody>
        {orders.map((order) => (
          <tr
            key={order.id}
            className={selectedId === order.id ? 'is-selected' : undefined}
            onClick={onOpen ? () => onOpen(order.id) : undefined}
          >
            <th scope="row">
              {onOpen ? (
                <button type="button" className="linkish" onClick={() => onOpen(order.id)}>
                  {order.number}
                </button>
              ) : (
                order.number
              )}
            </th>
            <td>{when(order)}</td>
            <td>{order.cashierName ?? '—'}</td>
            <td className="num">
              {money(amount ? amount.of(order) : order.total + order.cashRounding, order.currency)}
            </td>
            <td>
              <span className={`status-pill status-pill--${order.status}`}>
                {t(`orders.statuses.${order.status}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
