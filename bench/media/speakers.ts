/**
 * The media benchmark's load figure: CPU of the Atrium server, of livekit-server and of one listener page (main
 * thread) while eight light speaker pages talk within its hearing distance, beside the same figures with nobody
 * talking.
 */
import { readFileSync } from 'node:fs'

import type { Browser, Page } from 'playwright-core'

import { openLightPage } from './lightPage.ts'

// window.__atrium, installed with ?testhook
import type {} from '../../client/src/scene/testHookTypes.ts'

/** Speakers of the load figure. */
export const SPEAKERS = 8
const WINDOW_MS = 15_000
const TICKS_PER_SECOND = 100

/** CPU seconds a process has used so far (user + system), from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Shares of one core used during a window: each process and the listener page's main thread. */
export interface CpuShares {
  server: number
  livekit: number
  listenerMainThread: number
  subscribed: number
}

async function measure(listener: Page, pids: { server: number; livekit: number }): Promise<CpuShares> {
  const cdp = await listener.context().newCDPSession(listener)
  await cdp.send('Performance.enable')
  const task = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN
  const before = {
    server: processCpuSeconds(pids.server),
    livekit: processCpuSeconds(pids.livekit),
    page: await task(),
  }
  const t0 = Date.now()
  await new Promise((r) => setTimeout(r, WINDOW_MS))
  const wall = (Date.now() - t0) / 1000
  const subscribed = await listener.evaluate(
    () => Object.values(window.__atrium!.media.remote).filter((r) => r.subscribed && r.level > 0.001).length,
  )
  return {
    server: (processCpuSeconds(pids.server) - before.server) / wall,
    livekit: (processCpuSeconds(pids.livekit) - before.livekit) / wall,
    listenerMainThread: ((await task()) - before.page) / wall,
    subscribed,
  }
}

/**
 * Measures the quiet baseline, then opens {@link SPEAKERS} bare pages that enter the branch and talk, waits until the
 * listener hears them, and measures again. The speaker pages stay open until the browser closes.
 */
export async function speakerLoad(
  browser: Browser,
  base: string,
  listener: Page,
  pids: { server: number; livekit: number },
  log: (line: string) => void,
): Promise<{ quiet: CpuShares; talking: CpuShares }> {
  const quiet = await measure(listener, pids)
  for (let i = 0; i < SPEAKERS; i++) {
    // no 3D and no app: only a branch seat and a published fake microphone, so the listener page is what is measured
    const page = await openLightPage(browser, base)
    await page.evaluate(
      (n) => (window as unknown as { startSpeaker: (n: string) => Promise<string> }).startSpeaker(n),
      `Speaker ${i + 1}`,
    )
  }
  log(`${SPEAKERS} speakers talking; waiting for the listener to hear them`)
  await listener
    .waitForFunction(
      (n) => Object.values(window.__atrium!.media.remote).filter((r) => r.subscribed && r.level > 0.001).length >= n,
      SPEAKERS,
      { timeout: 60_000, polling: 500 },
    )
    .catch(() => log('the listener did not hear every speaker within 60 s; measuring what it hears'))
  return { quiet, talking: await measure(listener, pids) }
}
