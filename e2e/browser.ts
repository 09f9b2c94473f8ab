import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { PNG } from 'pngjs'

export const ARTIFACTS = join(import.meta.dirname, '..', 'test-results', 'e2e')
mkdirSync(ARTIFACTS, { recursive: true })

/**
 * Launches Debian Chromium headless with software WebGL (stack.md §5).
 *
 * `gpuCompositing` (the media benchmarks, and browser tests where two pages must hear each other) leaves out
 * `--disable-gpu`. With that flag the compositor works in software too
 * and reads every WebGL frame back synchronously, so a page's main thread waits for SwiftShader ~95% of the time and
 * everything else on it (fetches, WebRTC signalling) queues: a media join took 8 s instead of 0.6 s. The other browser
 * tests keep the flag: without it, on this machine without a GPU, the sandbox hall's tests read the scene's initial
 * camera rather than the visitor's (not yet understood).
 */
export async function launch(opts: { gpuCompositing?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      ...(opts.gpuCompositing ? [] : ['--disable-gpu']),
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // voice: fake microphone (a beeping tone), no permission prompt, audio without a gesture,
      // and WebRTC host candidates on loopback for the local livekit-server (realtime.md §10, §15)
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--force-webrtc-ip-handling-policy=default',
    ],
  })
}

/** A page that records (and blocks) every request that would leave localhost, and page errors. */
export async function openPage(browser: Browser, opts: { xr?: boolean; width?: number; height?: number } = {}) {
  const viewport = { width: opts.width ?? 800, height: opts.height ?? 600 }
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  const external: string[] = []
  const errors: string[] = []
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname
    if (host === 'localhost' || host === '127.0.0.1') return route.continue()
    external.push(route.request().url())
    return route.abort()
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  if (opts.xr) await page.addInitScript({ content: await iwerScript() })
  return { page, external, errors }
}

let iwerCode: string | undefined
async function iwerScript(): Promise<string> {
  if (iwerCode) return iwerCode
  const r = await build({
    entryPoints: [join(import.meta.dirname, 'iwerEntry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
  })
  iwerCode = r.outputFiles[0]!.text
  return iwerCode
}

/** Fills the join form and waits until the scene has drawn its first frame. */
export async function enterBranch(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}?testhook`)
  await page.fill('#join-name', name)
  await page.click('#enter-branch')
  await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })
}

/** Signs in on the join screen with an account's login and password (does not wait for the result). */
export async function signIn(page: Page, loginId: string, password: string): Promise<void> {
  await page.click('#entry-tab-signIn')
  await page.fill('#signin-login', loginId)
  await page.fill('#signin-password', password)
  await page.click('#signin-submit')
}

/** Opens the branch, signs an account in, enters, and waits until the 3D scene is ready. */
export async function enterSignedIn(
  page: Page,
  baseUrl: string,
  account: { loginId: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}?testhook`)
  await signIn(page, account.loginId, account.password)
  await page.waitForSelector('#signed-in-name')
  await page.click('#enter-branch')
  await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })
}

/** Saves a screenshot and returns how many distinct colours the canvas region has. */
export async function screenshot(page: Page, name: string): Promise<number> {
  const buf = await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
  const png = PNG.sync.read(buf)
  const colours = new Set<number>()
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!)
  }
  writeFileSync(join(ARTIFACTS, `${name}.colours.txt`), String(colours.size))
  return colours.size
}
