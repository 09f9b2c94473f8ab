import type { Lang } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { setLang } from '../i18n/index.ts'

/** Toggles between zh-CN and en; the label names the other language in its own script. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const next: Lang = i18n.language === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <button type="button" className="lang" lang={next} aria-label={t('language.label')} onClick={() => setLang(next)}>
      {t('language.switch')}
    </button>
  )
}
