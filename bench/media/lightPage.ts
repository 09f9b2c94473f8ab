/** Opens bare Chromium pages that run bench/media/lightEntry.ts (no 3D and no app; see there). */
import { join } from 'node:path'

import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'

let code: Promise<string> | undefined

/** A fresh context on `base` (same origin as the API) with `startSpeaker` and `timeJoin` installed. */
export async function openLightPage(browser: Browser, base: string): Promise<Page> {
  code ??= build({
    entryPoints: [join(import.meta.dirname, 'lightEntry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  }).then((b) => b.outputFiles[0]!.text)
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await page.addInitScript({ content: await code })
  await page.goto(`${base}healthz`)
  return page
}
