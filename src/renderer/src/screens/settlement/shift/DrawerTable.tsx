import { useTranslation } from 'react-i18next'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { useMoney } from '../../../lib/money'

/**
 * The open shift's drawer as one sum: float, cash sales, voids, refunds, cash in and out, and the
 * expected cash (minor units; what leaves the drawer shown negative). Nothing when main sent no
 * drawer (a blind count for this user).
 */
export function DrawerTable({ shift }: { shift: ShiftView }) {
  const { t } = useTranslation()
  const money = useMoney()
  const d = shift.drawer
  if (!d) return null
  const rows: Array<[string, number, boolean?]> = [
    [t('shift.float'), d.float],
    [t('shift.cashSales'), d.cashSales],
    [t('shift.cashVoids'), -d.cashVoids],
    [t('shift.cashRefunds'), -d.cashRefunds],
    [t('shift.cashIn'), d.cashIn],
    [t('shift.cashOut'), -d.cashOut],
    [t('shift.expected'), d.expected, true]
  ]
  return (
    <table className="table drawer-table" aria-label={t('shift.expected')}>
      <tbody>
        {rows.map(([label, amount, strong]) => (
          <tr key={label} className={strong ? 'drawer-table__total' : undefined}>
            <th scope="row">{label}</th>
            <td className="num" data-testid={strong ? 'expected-cash' : undefined}>
              {money(amount, shift.currency)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('shift.orders')}</th>
          <td className="num">{shift.orderCount}</td>
        </tr>
      </tbody>
    </table>
  )
}
