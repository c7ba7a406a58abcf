import { memo } from 'react'
import { useTranslation } from 'react-i18next'

/** Every Sell shortcut, on screen (issue 10, item 13): a cashier should never have to guess. */
export const KeysBar = memo(function KeysBar() {
  const { t } = useTranslation()
  const keys: Array<[string, string]> = [
    ['F2', t('counter.keys.search')],
    ['↑↓ Enter', t('counter.keys.pick')],
    ['3*', t('counter.keys.times')],
    ['+ −', t('counter.keys.plusMinus')],
    ['↑↓', t('counter.keys.lines')],
    ['Del', t('counter.keys.remove')],
    ['F4', t('counter.keys.park')],
    ['F8', t('counter.keys.coupon')],
    ['F12', t('counter.keys.pay')]
  ]
  return (
    <ul className="keys-bar" aria-label={t('counter.keys.label')}>
      {keys.map(([key, what]) => (
        <li key={key}>
          <kbd>{key}</kbd> {what}
        </li>
      ))}
    </ul>
  )
})
