/** Languages every user-visible string exists in. */
export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]
