import notoSansScUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url'

/**
 * Local URL of a font covering Simplified Chinese and Latin, bundled by Vite. Pass it to every drei
 * `<Text font={CJK_FONT_URL}>`: without a font troika fetches one from a CDN (stack.md P8). It is
 * the .woff on purpose: troika cannot read .woff2.
 */
export const CJK_FONT_URL: string = notoSansScUrl
