import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import type { ReconRowView, ReconRunView } from '@shared/hq-api/reconciliation'
import { useMoney } from '../../lib/money'
import { useDateTime } from '../../lib/time'

/** Alipay's and WeChat Pay's bills state their times in China Standard Time. */
const BILL_ZONE = 'Asia/Shanghai'

const NO_TILL = ''

/** The rows of a run grouped by the till that recorded them; rows no till recorded last. */
function byTill(rows: ReconRowView[]): Array<{ key: string; rows: ReconRowView[] }> {
  const groups = new Map<string, ReconRowView[]>()
  for (const row of rows) {
    const key = row.till ? `${row.till.code}\u0000${row.till.id}` : NO_TILL
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return [...groups]
    .sort(([a], [b]) => (a === NO_TILL ? 1 : b === NO_TILL ? -1 : a.localeCompare(b)))
    .map(([key, list]) => ({ key, rows: list }))
}

/** One matched bill: its figures, then its rows by till (differences only, or all). */
export function RunDetail({ run }: { run: ReconRunView }) {
  const { t } = useTranslation()
  const money = useMoney()
  const dateTime = useDateTime()
  const [all, setAll] = useState(false)
  const shown = all ? run.rows : run.rows.filter((row) => row.result !== 'matched')
  const amount = (minor: number | null) => (minor === null ? t('hq.common.none') : money(minor, 'CNY'))
  const figures: Array<[string, string, boolean?]> = [
    [t('hq.reconciliation.summary.matched'), String(run.matched)],
    [t('hq.reconciliation.summary.differences'), String(run.differences), run.differences > 0],
    [t('hq.reconciliation.summary.gross'), money(run.gross, 'CNY')],
    [t('hq.reconciliation.summary.refunds'), money(run.refunds, 'CNY')],
    [t('hq.reconciliation.summary.fees'), money(run.fees, 'CNY')],
    [t('hq.reconciliation.summary.net'), money(run.net, 'CNY')],
    [t('hq.reconciliation.summary.localGross'), money(run.localGross, 'CNY')],
    [t('hq.reconciliation.summary.localRefunds'), money(run.localRefunds, 'CNY')]
  ]
  const title = t('hq.reconciliation.detailTitle', {
    provider: t(`reconciliation.providers.${run.provider}`),
    date: run.date
  })

  return (
    <article className="panel hq-recon__detail" aria-labelledby="recon-detail">
      <header className="hq-store__header">
        <div>
          <h2 id="recon-detail" className="panel__title">
            {title}
          </h2>
          <p className="muted">
            {run.fileName} · {dateTime(run.runAt)}
          </p>
        </div>
        <fieldset className="hq-recon__toggle">
          <legend className="visually-hidden">{t('hq.reconciliation.show')}</legend>
          <label>
            <input type="radio" name="recon-show" checked={!all} onChange={() => setAll(false)} />{' '}
            {t('hq.reconciliation.showDifferences')}
          </label>
          <label>
            <input type="radio" name="recon-show" checked={all} onChange={() => setAll(true)} />{' '}
            {t('hq.reconciliation.showAll')}
          </label>
        </fieldset>
      </header>
      <dl className="kpis hq-recon__kpis">
        {figures.map(([label, value, warn]) => (
          <div key={label} className={`kpi${warn ? ' kpi--warn' : ''}`}>
            <dt className="kpi__label">{label}</dt>
            <dd className="kpi__value">{value}</dd>
          </div>
        ))}
      </dl>
      {shown.length === 0 && <p className="muted">{t('hq.reconciliation.nothingToShow')}</p>}
      {byTill(shown).map((group) => {
        const first = group.rows[0]!
        const heading = first.till
          ? t('hq.reconciliation.byTill', {
              till: first.till.label ? `${first.till.code} ${first.till.label}` : first.till.code,
              store: first.store?.name ?? ''
            })
          : t('hq.reconciliation.noTill')
        const id = `recon-till-${group.key ? first.till!.id : 'none'}`
        return (
          <section key={group.key} className="hq-recon__group" aria-labelledby={id}>
            <h3 id={id} className="hq-recon__group-title">
              {heading}{' '}
              <span className="muted">{t('hq.reconciliation.rowsCount', { count: group.rows.length })}</span>
            </h3>
            <table className="table hq-table hq-recon__rows">
              <TableHead
                columns={[
                  { label: t('hq.reconciliation.columns.result') },
                  { label: t('hq.reconciliation.columns.kind') },
                  { label: t('hq.reconciliation.columns.number') },
                  { label: t('hq.reconciliation.columns.billAmount'), numeric: true },
                  { label: t('hq.reconciliation.columns.tillAmount'), numeric: true },
                  { label: t('hq.reconciliation.columns.fee'), numeric: true },
                  // The providers' bills are in China's time: the heading names the zone once.
                  { label: t('hq.reconciliation.columns.timeIn', { zone: BILL_ZONE }) }
                ]}
              />
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.n}>
                    <td>
                      <span className={`hq-recon__result hq-recon__result--${row.result}`}>
                        {t(`reconciliation.results.${row.result}`)}
                      </span>
                      {row.note && (
                        <span className="hq-recon__note">{t(`hq.reconciliation.notes.${row.note}`)}</span>
                      )}
                    </td>
                    <td>{t(`reconciliation.kinds.${row.kind}`)}</td>
                    <td className="hq-recon__number">
                      {row.tradeNo}
                      {row.refundNo && <span className="muted"> / {row.refundNo}</span>}
                    </td>
                    <td className="num">{amount(row.providerAmount)}</td>
                    <td className="num">{amount(row.localAmount)}</td>
                    <td className="num">{money(row.fee, 'CNY')}</td>
                    <td>
                      {row.providerTime || row.localTime
                        ? dateTime((row.providerTime ?? row.localTime)!, BILL_ZONE, { zone: false })
                        : t('hq.common.none')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
    </article>
  )
}
