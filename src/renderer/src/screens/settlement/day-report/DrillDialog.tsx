import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/contract'
import type { OrderDetail } from '@shared/contract/channels/orders'
import { call } from '../../../api/client'
import { OrdersTable } from '../../../components/OrdersTable'
import { Receipt } from '../../../components/Receipt'
import { Dialog } from '../../../components/Dialog'
import type { DrillFilter } from './ZParts'

/**
 * The orders behind one figure of the day (`settlement:orders`, first 100), each opening its
 * receipt. The amount column is the order's share of that figure (`figureAmount`, minor units),
 * named after it: a tender's amount, what was refunded or voided, a product's sales.
 */
export function DrillDialog({
  date,
  what,
  filter,
  onClose
}: {
  date: string
  what: string
  filter: DrillFilter
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [result, setResult] = useState<ChannelOutput<'settlement:orders'> | null>(null)
  const [order, setOrder] = useState<OrderDetail | null>(null)
  useEffect(() => {
    void call('settlement:orders', { date, filter, limit: 100 }).then(setResult)
  }, [date, filter])
  const amountLabel =
    filter.method !== undefined
      ? t('settlement.drill.tenderAmount', {
          method: t(`settlement.methods.${filter.method}`, { defaultValue: filter.method })
        })
      : filter.figure === 'refunds'
        ? t('settlement.drill.refunded')
        : filter.sku !== undefined
          ? t('settlement.drill.productAmount')
          : filter.figure === 'voids'
            ? t('settlement.drill.voided')
            : t('settlement.drill.paid')
  const figureAmount = new Map(result?.orders.map((o) => [o.id, o.figureAmount]) ?? [])
  return (
    <Dialog
      title={
        order
          ? t('orders.detail.title', { number: order.number ?? '' })
          : t('settlement.drill.title', { what })
      }
      open
      onClose={onClose}
      size="wide"
    >
      {order ? (
        <div className="receipt-frame">
          <Receipt order={order} />
        </div>
      ) : !result ? (
        <p aria-busy="true" />
      ) : result.orders.length === 0 ? (
        <p className="muted">{t('settlement.drill.none')}</p>
      ) : (
        <>
          <OrdersTable
            orders={result.orders}
            amount={{ label: amountLabel, of: (o) => figureAmount.get(o.id) ?? 0 }}
            onOpen={(orderId) => void call('orders:get', { orderId }).then(setOrder)}
          />
          {result.total > result.orders.length && (
            <p className="muted">
              {t('settlement.drill.more', { shown: result.orders.length, total: result.total })}
            </p>
          )}
        </>
      )}
      <div className="dialog__actions">
        {order && (
          <button type="button" className="button" onClick={() => setOrder(null)}>
            {t('settlement.drill.back')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('evaluations.close')}
        </button>
      </div>
    </Dialog>
  )
}
