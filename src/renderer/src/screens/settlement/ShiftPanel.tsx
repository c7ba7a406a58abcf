import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ArrowDownToLine, ArrowUpFromLine, Lock, Unlock } from 'lucide-react'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { call } from '../../api/client'
import { useShiftStore } from '../../stores/shift-store'
import { useAuthStore } from '../../stores/auth-store'
import { useBlindClose, useResult, useTime } from './shift/shift-hooks'
import { DrawerTable } from './shift/DrawerTable'
import { ShiftHistory } from './shift/ShiftHistory'
import { OpenShiftDialog } from './shift/OpenShiftDialog'
import { MoveDialog } from './shift/MoveDialog'
import { CloseShiftDialog } from './shift/CloseShiftDialog'

// The Sell screen opens a shift with the same dialog and imports it from here.
export { OpenShiftDialog }

type Dialogs =
  { kind: 'open' } | { kind: 'move'; direction: 'in' | 'out' } | { kind: 'close'; shift: ShiftView } | null

/** The till's shift: open it with a counted float, move cash in or out, count and close it. */
export function ShiftPanel() {
  const { t } = useTranslation()
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

      {history.length > 0 && <ShiftHistory history={history} blind={blind} supervises={supervises} />}

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
        <CloseShiftDialog
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
