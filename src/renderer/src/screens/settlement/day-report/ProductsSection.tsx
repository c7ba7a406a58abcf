import { useTranslation } from 'react-i18next'
import type { ZReport } from '@shared/contract/channels/settlement'
import { TableHead } from '../../../components/TableHead'
import { Section, type ZSectionProps } from './ZParts'

/** The best-selling products kept (after refunds): quantity and sales; each opens its orders. */
export function ProductsSection({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.productsKept')}>
      <table className="table">
        <TableHead
          columns={[
            { label: t('settlement.columns.product') },
            { label: t('settlement.columns.quantity'), numeric: true },
            { label: t('settlement.columns.sales'), numeric: true }
          ]}
        />
        <tbody>
          {report.topProducts.map((product) => (
            <tr key={product.sku}>
              <th scope="row">
                <ProductName
                  product={product}
                  onOpen={open(product.name, { figure: 'sales', sku: product.sku })}
                />
              </th>
              <td className="num">{product.quantity}</td>
              <td className="num">{m(product.sales)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  )
}

/** A top product's name in the screen's language, opening the orders that sold it. */
function ProductName({ product, onOpen }: { product: ZReport['topProducts'][number]; onOpen: () => void }) {
  const { i18n } = useTranslation()
  const name = i18n.language === 'en' ? (product.nameEn ?? product.name) : product.name
  return (
    <button type="button" className="linkish" onClick={onOpen}>
      {name}
    </button>
  )
}
