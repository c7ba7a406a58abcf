import { useStoreTime } from '../../lib/store-time'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ArrowDownToLine, ArrowUpFromLine, Lock, Unlock } from 'lucide-react'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { apiErrorOf, call } from '../../api/client'
import { useErrorText } from '../../i18n/error-text'
import type { ApiError } from '@shared/contract'
import { Dialog } from '../../components/Dialog'
import { Field } from '../../components/Field'
import { useMoney } from '../../lib/money'
import { useShiftStore } from '../../stores/shift-store'
import { CashCountForm, countInput, countTotal, EMPTY_COUNT, type CashCountDraft } from './CashCountForm'
import { TableHead } from '../../components/TableHead'
import { useAuthStore } from '../../stores/auth-store'

type Dialogs =
  { kind: 'open' } | { kind: 'move'; direction: 'in' | 'out' } | { kind: 'close'; shift: ShiftView } | null

/** A moment in the interface language's own format. */
function useTime(): (iso: string | null) => string {
  const { i18n } = useTranslation()
  const storeTime = useStoreTime()
  return (iso) => (iso ? storeTime(iso, { dateStyle: 'short', timeStyle: 'medium' }, i18n.language) : '—')
}

/** Over, short or balanced, in words. */
function useResult() {
  const { t } = useTranslation()
  const money = useMoney()
  return (difference: number | null, currency: string): string => {
    if (difference === null) return '—'
    if (difference === 0) return t('shift.balanced')
    return difference > 0
      ? t('shift.over', { amount: money(difference, currency) })
      : t('shift.short', { amount: money(-difference, currency) })
  }
}

/**
 * Whether the closing count is blind (the store's loss-prevention setting, on by default): the
 * expected cash stays hidden while counting. Until the policy is read, it is blind.
 */
function useBlindClose(): boolean {
  const [blind, setBlind] = useState(true)
  useEffect(() => {
    let live = true
    void call('approvals:get-policy', {})
      .then((policy) => live && setBlind(policy.blindClose))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return blind
}

/** The till's shift: open it with a counted float, move cash in or out, count and close it. */
export function ShiftPanel() {
  const { t } = useTranslation()
  const money = useMoney()
  const result = useResult()
  const time = useTime()
  const current = useShiftStore((s) => s.current)
  const load = useShiftStore((s) => s.load)
  const [history, setHistory] = useState<ShiftView[]>([])
  const [dialog, setDialog] = useState<Dialogs>(null)
  const [notice, setNotice] = useState<{ text: string; balanced: boolean } | null>(null)
  const blind = useBlindClose()
  // Whoever closes shifts supervises the drawer; a cashier counting blind must not read the
  // expected cash off the shift card first.
  const supervises = useAuthStore((s) => s.status?.user?.permissions.includes('shift-close') ?? false)

  const refresh = (): void => {
    void load()
    void call('shifts:list', { limit: 10 })
      .then(setHistory)
      .catch(() => undefined)
  }
  useEffect(refresh, [load])

  if (!current) return <div aria-busy="true" />
  const { shift, rescue, currency } = current

  return (
    <div className="shift-panel">
      {notice && (
        <p
          className={`notice ${notice.balanced ? 'notice--ok' : 'notice--info'} shift-panel__notice`}
          role="status"
        >
          {notice.text}
        </p>
      )}
      {rescue && (
        <div className="notice notice--error shift-panel__rescue" role="alert">
          <span>{t('shift.rescue', { number: rescue.number, count: rescue.orderCount })}</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => setDialog({ kind: 'close', shift: rescue })}
          >
            {t('shift.close')}
          </button>
        </div>
      )}

      {shift ? (
        <section className="card shift-card" aria-labelledby="shift-open-title">
          <header className="shift-card__head">
            <div>
              <h2 id="shift-open-title" className="shift-card__title">
                <Unlock aria-hidden="true" size={22} /> {t('shift.opened', { number: shift.number })}
              </h2>
              <p className="muted">
                {t('shift.openedAt', { time: time(shift.openedAt), name: shift.openedBy ?? '—' })}
              </p>
            </div>
            <div className="shift-card__actions">
              <button
                type="button"
                className="button"
                onClick={() => setDialog({ kind: 'move', direction: 'in' })}
              >
                <ArrowDownToLine aria-hidden="true" size={20} /> {t('shift.moveIn')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => setDialog({ kind: 'move', direction: 'out' })}
              >
                <ArrowUpFromLine aria-hidden="true" size={20} /> {t('shift.moveOut')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => setDialog({ kind: 'close', shift })}
              >
                <Lock aria-hidden="true" size={20} /> {t('shift.close')}
              </button>
            </div>
          </header>
          {shift.drawer === null || (blind && !supervises) ? (
            <p className="muted" data-testid="drawer-blind">
              {t('shift.blindDrawer', { count: shift.orderCount })}
            </p>
          ) : (
            <DrawerTable shift={shift} />
          )}
        </section>
      ) : (
        <section className="card shift-card shift-card--none" aria-labelledby="shift-none-title">
          <h2 id="shift-none-title" className="shift-card__title">
            {t('shift.none', { terminal: current.terminal })}
          </h2>
          <p className="muted">{t('shift.noneHint')}</p>
          <p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setDialog({ kind: 'open' })}
            >
              <Unlock aria-hidden="true" size={20} /> {t('shift.open')}
            </button>
          </p>
        </section>
      )}

      {history.length > 0 && (
        <section className="shift-history" aria-labelledby="shift-history-title">
          <h2 id="shift-history-title" className="section-title">
            {t('shift.history')}
          </h2>
          <table className="table">
            <TableHead
              columns={[
                { label: t('shift.columns.number') },
                { label: t('shift.columns.opened') },
                { label: t('shift.columns.closed') },
                { label: t('shift.columns.expected'), numeric: true },
                { label: t('shift.columns.counted'), numeric: true },
                { label: t('shift.columns.result') }
              ]}
            />
            <tbody>
              {history.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.number}
                    {row.kind === 'rescue' && <span className="pill"> {t('shift.kinds.rescue')}</span>}
                  </th>
                  <td>{time(row.openedAt)}</td>
                  <td>{time(row.closedAt)}</td>
                  <td className="num">
                    {row.drawer === null || (row.status === 'open' && blind && !supervises)
                      ? '—'
                      : money(row.drawer.expected, row.currency)}
                  </td>
                  <td className="num">{row.counted === null ? '—' : money(row.counted, row.currency)}</td>
                  <td className={row.overShort ? 'shift-result shift-result--off' : 'shift-result'}>
                    {result(row.overShort, row.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {dialog?.kind === 'open' && (
        <OpenShiftDialog
          currency={currency}
          onClose={() => setDialog(null)}
          onDone={(opened) => {
            setDialog(null)
            setNotice(null)
            useShiftStore.getState().adopt({ ...current, shift: opened })
            refresh()
          }}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveDialog
          direction={dialog.direction}
          currency={currency}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null)
            refresh()
          }}
        />
      )}
      {dialog?.kind === 'close' && (
        <CloseDialog
          shift={dialog.shift}
          blind={blind}
          onClose={() => setDialog(null)}
          onDone={(closed) => {
            setDialog(null)
            setNotice({
              text: t('shift.closed', {
                number: closed.number,
                result: result(closed.overShort, closed.currency)
              }),
              balanced: closed.overShort === 0
            })
            refresh()
          }}
        />
      )}
    </div>
  )
}

function DrawerTable({ shift }: { shift: ShiftView }) {
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

/** Opening a shift with its counted float; the Sell screen opens it too, when a scan finds none. */
export function OpenShiftDialog({
  currency,
  onClose,
  onDone
}: {
  currency: string
  onClose: () => void
  onDone: (shift: ShiftView) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<CashCountDraft>(EMPTY_COUNT)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      onDone(await call('shifts:open', countInput(draft)))
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog title={t('shift.openTitle')} open onClose={onClose} size="wide">
      <form onSubmit={(event) => void submit(event)}>
        <CashCountForm
          currency={currency}
          draft={draft}
          onChange={setDraft}
          error={error?.field === 'other' ? errorText(error, { beside: true }) : undefined}
        />
        {error && error.field !== 'other' && (
          <p className="notice notice--error" role="alert">
            {errorText(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('shift.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={countTotal(currency, draft) === null}
          >
            {t('shift.open')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function MoveDialog({
  direction,
  currency,
  onClose,
  onDone
}: {
  direction: 'in' | 'out'
  currency: string
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await call('shifts:cash-move', { direction, amount: amount.trim(), reason: reason.trim() }, undefined, {
        detail: `${amount.trim()} · ${reason.trim()}`
      })
      onDone()
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog
      title={direction === 'in' ? t('shift.moveTitleIn') : t('shift.moveTitleOut')}
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)}>
        <Field
          label={t('shift.amount', { currency })}
          error={error?.field === 'amount' ? errorText(error, { beside: true }) : undefined}
        >
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="decimal"
              autoFocus
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('shift.reason')}
          hint={t('shift.reasonHint')}
          error={error?.field === 'reason' ? errorText(error, { beside: true }) : undefined}
        >
          {(props) => (
            <input {...props} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        {error && !error.field && (
          <p className="notice notice--error" role="alert">
            {errorText(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('shift.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={!amount.trim() || !reason.trim()}
          >
            {t('shift.confirmMove')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function CloseDialog({
  shift,
  blind,
  onClose,
  onDone
}: {
  shift: ShiftView
  /** Blind count: the expected cash and the difference show only after closing. */
  blind: boolean
  onClose: () => void
  onDone: (shift: ShiftView) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const result = useResult()
  const [draft, setDraft] = useState<CashCountDraft>(EMPTY_COUNT)
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  const counted = countTotal(shift.currency, draft)
  // Main sends no expected cash to someone who counts blind.
  const expected = shift.drawer?.expected ?? null
  const hidden = blind || expected === null
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      onDone(
        await call(
          'shifts:close',
          {
            shiftId: shift.id,
            ...countInput(draft),
            ...(note.trim() ? { note: note.trim() } : {})
          },
          undefined,
          // The approval names the shift and the cash counted.
          { detail: counted === null ? shift.number : `${shift.number} · ${money(counted, shift.currency)}` }
        )
      )
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog title={t('shift.closeTitle', { number: shift.number })} open onClose={onClose} size="wide">
      <form onSubmit={(event) => void submit(event)}>
        <p className="muted">{hidden ? t('shift.closeHintBlind') : t('shift.closeHint')}</p>
        <div className="close-shift">
          <CashCountForm
            currency={shift.currency}
            draft={draft}
            onChange={setDraft}
            error={error?.field === 'other' ? errorText(error, { beside: true }) : undefined}
          />
          <dl className="close-shift__summary">
            {!hidden && (
              <>
                <dt>{t('shift.expected')}</dt>
                <dd>{money(expected, shift.currency)}</dd>
              </>
            )}
            <dt>{t('shift.counted')}</dt>
            <dd>{counted === null ? '—' : money(counted, shift.currency)}</dd>
            {!hidden && (
              <>
                <dt>{t('shift.difference')}</dt>
                <dd
                  data-testid="count-difference"
                  className={counted !== null && counted !== expected ? 'shift-result--off' : undefined}
                >
                  {counted === null ? '—' : result(counted - expected, shift.currency)}
                </dd>
              </>
            )}
          </dl>
        </div>
        <Field label={t('shift.note')}>
          {(props) => (
            <input {...props} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        {error && error.field !== 'other' && (
          <p className="notice notice--error" role="alert">
            {errorText(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('shift.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={counted === null}>
            {t('shift.confirmClose')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
