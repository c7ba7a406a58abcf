import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'

/** A quantity beyond what a counter sells in one line (`isImplausibleQuantity`), awaiting a yes. */
export interface LargeQuantityCheck {
  /** Decimal text as typed or as the scale label reads: "35", "35.000". */
  quantity: string
  unit: string
  name: string
  /** A scanned label adds a line ("Add …?"); a typed quantity sets one ("Set …?"). */
  adding?: boolean
}

/**
 * The "are you sure?" before a large quantity goes on a line: the line editor asks it of a typed
 * quantity, the Sell screen of a scale label main found too heavy (`errors.scale.largeQuantity`),
 * so a 35 kg label and 35 typed into the box are asked the same way. "No, correct it" has the
 * focus: an Enter that slips through takes nothing.
 */
export function LargeQuantityConfirm({
  check,
  onBack,
  onConfirm
}: {
  check: LargeQuantityCheck | null
  onBack: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  const params = check && {
    quantity: check.quantity,
    unit: t(check.unit === 'kg' ? 'counter.largeQuantity.kg' : 'counter.largeQuantity.piece'),
    name: check.name
  }
  return (
    <Dialog
      title={t('counter.largeQuantity.title')}
      open={check !== null}
      onClose={onBack}
      actions={
        <>
          <button type="button" className="button button--ghost" autoFocus onClick={onBack}>
            {t('counter.largeQuantity.back')}
          </button>
          <button type="button" className="button button--primary" onClick={onConfirm}>
            {t(check?.adding ? 'counter.largeQuantity.confirmAdd' : 'counter.largeQuantity.confirm')}
          </button>
        </>
      }
    >
      <p data-testid="large-quantity">
        {params && t(check?.adding ? 'counter.largeQuantity.addBody' : 'counter.largeQuantity.body', params)}
      </p>
    </Dialog>
  )
}
