import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TableHead } from '@renderer/components/TableHead'
import { hqApi } from '@shared/hq-api/index'
import type { DayOrder, OrderDetail } from '@shared/hq-api/settlement'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useMoney } from '../../lib/money'
import { useDateTime } from '../../lib/time'
import { OrderStandingText } from './OrderStandingText'
import { OrderView } from './OrderView'

export interface OrdersScope {
  storeId: string
  tillId: string | null
  label: string
  timeZone: string
}

/** The orders of a store's (or one till's) day; picking one shows its lines, tenders and refunds. */
export function OrdersDialog({
  date,
  scope,
  onClose
}: {
  date: string
  scope: OrdersScope
  onClose: () => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const dateTime = useDateTime()
  const [orders, setOrders] = useState<DayOrder[] | null>(null)
  const [open, setOpen] = useState<OrderDetail | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    call(hqApi.settlement.orders, {
      date,
      storeId: scope.storeId,
      ...(scope.tillId ? { tillId: scope.tillId } : {})
    }).then((answer) => setOrders(answer.orders), setError)
  }, [date, scope.storeId, scope.tillId])

  const show = (order: DayOrder) => {
    setError(null)
    call(hqApi.settlement.order, {
      storeId: scope.storeId,
      tillId: order.tillId,
      orderId: order.orderId
    }).then(setOpen, setError)
  }

  return (
    <Dialog
      title={
        open
          ? t('hq.settlement.order.title', { number: open.number ?? open.orderId })
          : t('hq.settlement.ordersTitle', { scope: scope.label, date })
      }
      open
      size="wide"
      onClose={onClose}
      actions={
        <>
          {open && (
            <button type="button" className="button" onClick={() => setOpen(null)}>
              {t('hq.settlement.order.back')}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('hq.common.close')}
          </button>
        </>
      }
    >
      <ErrorNotice error={error} />
      {open && <OrderView order={open} timeZone={scope.timeZone} />}
      {!open && orders && orders.length === 0 && <p className="muted">{t('hq.settlement.noOrders')}</p>}
      {!open && orders && orders.length > 0 && (
        <div className="hq-table-wrap">
          <table className="table hq-table">
            <TableHead
              columns={[
                { label: t('hq.settlement.order.number') },
                { label: t('hq.settlement.order.till') },
                { label: t('hq.settlement.order.paidAtIn', { zone: scope.timeZone }) },
                { label: t('hq.settlement.order.total'), numeric: true },
                { label: t('hq.settlement.order.status') }
              ]}
            />
            <tbody>
              {orders.map((order) => (
                <tr key={`${order.tillId}/${order.orderId}`}>
                  <th scope="row">
                    <button
                      type="button"
                      className="linkish"
                      onClick={() => show(order)}
                      aria-label={t('hq.settlement.order.open', { number: order.number ?? order.orderId })}
                    >
                      {order.number ?? order.orderId}
                    </button>
                    {order.beforeRestore && (
                      <span
                        className="badge hq-badge badge--warn hq-before-restore"
                        data-testid="before-restore"
                      >
                        {t('hq.settlement.beforeRestore')}
                      </span>
                    )}
                  </th>
                  <td>{order.tillCode}</td>
                  <td>{dateTime(order.paidAt, scope.timeZone, { zone: false })}</td>
                  <td className="num">{money(order.total, order.currency)}</td>
                  <td data-testid="order-standing">
                    <OrderStandingText order={order} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  )
}
