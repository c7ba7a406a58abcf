import { useTranslation } from 'react-i18next'
import { Hourglass } from 'lucide-react'

/** A placeholder for a screen whose issue has not landed yet. */
export function ComingSoonScreen({ screen }: { screen: 'sell' | 'orders' | 'settlement' | 'products' }) {
  const { t } = useTranslation()
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t(`nav.${screen}`)}
      </h1>
      <div className="empty-state">
        <Hourglass aria-hidden="true" size={48} />
        <p className="empty-state__title">{t('comingSoon.title')}</p>
        <p className="empty-state__body">{t(`comingSoon.${screen}`)}</p>
      </div>
    </section>
  )
}
