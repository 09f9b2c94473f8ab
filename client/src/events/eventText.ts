import type { BilingualText } from '@atrium/common'

/** The text in the visitor's language, falling back to the other one. */
export function pick(text: BilingualText, lang: string): string {
  return (lang.startsWith('zh') ? (text['zh-CN'] ?? text.en) : (text.en ?? text['zh-CN'])) ?? ''
}

/** A start time in the visitor's locale. */
export function when(ms: number, lang: string): string {
  return new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })
}
