import type { ReactNode } from 'react'
import type { ChannelInput } from '@shared/contract'
import type { ZReport } from '@shared/contract/channels/settlement'

/** What a drill-down asks `settlement:orders` for: the figure and the slice of it. */
export type DrillFilter = NonNullable<ChannelInput<'settlement:orders'>['filter']>

/** Opens the drill-down for a figure: `what` titles the dialog, `filter` picks the orders. */
export type OpenDrill = (what: string, filter: DrillFilter) => () => void

/** Formats minor units in the report's currency. */
export type ReportMoney = (minor: number) => string

/** What every section of the Z-report receives. */
export interface ZSectionProps {
  report: ZReport
  m: ReportMoney
  open: OpenDrill
}

/** Sum of `pick` over `rows` (minor units or counts; integers, so exact). */
export const sum = <T,>(rows: readonly T[], pick: (row: T) => number): number =>
  rows.reduce((total, row) => total + pick(row), 0)

/** A figure shown large at the top of the report. */
export function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kpi">
      <span className="kpi__label">{label}</span>
      <strong className="kpi__value" data-testid={testId}>
        {value}
      </strong>
    </div>
  )
}

/** One titled block of the report; its title is also its accessible name (tests find sections by it). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="z-section" aria-label={title}>
      <h3 className="z-section__title">{title}</h3>
      {children}
    </section>
  )
}

/** One figure of a summing table; `strong` marks a subtotal, `onOpen` makes the label a drill-down. */
export function Row({
  label,
  value,
  strong,
  onOpen,
  testId
}: {
  label: string
  value: string
  strong?: boolean
  onOpen?: (() => void) | undefined
  testId?: string
}) {
  return (
    <tr className={strong ? 'figures__total' : undefined}>
      <th scope="row">
        {onOpen ? (
          <button type="button" className="linkish" onClick={onOpen}>
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      <td className="num" data-testid={testId}>
        {value}
      </td>
    </tr>
  )
}
