import { useTranslation } from 'react-i18next'
import { applyLanguage, LANGUAGES } from '../i18n'

/** The till's segmented language switch (its classes and words), remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div role="group" aria-label={t('language.label')} className="segmented">
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          className="segmented__option"
          aria-pressed={i18n.language === code}
          lang={code}
          onClick={() => applyLanguage(code)}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </div>
  )
}
