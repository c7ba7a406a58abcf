import { useTranslation } from 'react-i18next'
import { UI_LANGUAGES } from '@shared/contract'
import { useAppStore } from '../stores/app-store'

/** Two big buttons, so a cashier switches language with one tap. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = useAppStore((s) => s.language)
  const setLanguage = useAppStore((s) => s.setLanguage)
  return (
    <div role="group" aria-label={t('language.label')} className="segmented">
      {UI_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          className="segmented__option"
          aria-pressed={language === code}
          lang={code}
          onClick={() => void setLanguage(code)}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </div>
  )
}
