import type { Lang } from '@atrium/common'

/** The supported language of an i18next language code (zh… → zh-CN, anything else → en). */
export function toLang(language: string): Lang {
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
