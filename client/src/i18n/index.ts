import { LANGS, type Lang } from '@atrium/common'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'

import { en } from './en.ts'
import { zhCN } from './zhCN.ts'

/** The visitor's preferred supported language, from the browser. */
export function detectLang(languages: readonly string[] = navigator.languages): Lang {
  for (const l of languages) {
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN'
    if (l.toLowerCase().startsWith('en')) return 'en'
  }
  return 'en'
}

/** Initializes i18next once; `lang` defaults to the browser language. */
export function initI18n(lang: Lang = detectLang()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = lang
  return i18next
}

export function setLang(lang: Lang): void {
  void i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}
