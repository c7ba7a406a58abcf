import { useTranslation } from 'react-i18next'
import { Row, Section, type ZSectionProps } from './ZParts'

/** The drawer's day: floats, cash sales and refunds, cash in/out, over/short, dropped, and each shift's result. */
export function CashSection({ report, m }: Omit<ZSectionProps, 'open'>) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.cash')}>
      <table className="table figures">
        <tbody>
          <Row label={t('settlement.cash.floats')} value={m(report.cash.floats)} />
          <Row label={t('settlement.cash.cashSales')} value={m(report.cash.cashSales)} />
          <Row label={t('settlement.cash.cashRefunds')} value={m(-report.cash.cashRefunds)} />
          <Row label={t('settlement.cash.cashIn')} value={m(report.cash.cashIn)} />
          <Row label={t('settlement.cash.cashOut')} value={m(-report.cash.cashOut)} />
          <Row
            label={t('settlement.cash.overShort')}
            value={m(report.cash.overShort)}
            strong
            testId="z-over-short"
          />
          <Row label={t('settlement.cash.dropped')} value={m(report.cash.dropped)} />
          {report.cash.shifts.map((shift) => (
            <Row
              key={shift.id}
              label={t('settlement.shiftResult', { number: shift.number })}
              value={m(shift.overShort)}
            />
          ))}
        </tbody>
      </table>
    </Section>
  )
}
