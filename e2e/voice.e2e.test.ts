import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { enterBranch, launch, openPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** The pseudonymous id of the visitor on `page`, as others see it in the room (and as LiveKit identity). */
async function idOf(watcher: Page, name: string): Promise<string> {
  const h = await watcher.waitForFunction((n) => window.__atrium?.remotes().find((r) => r.name === n)?.id, name, {
    timeout: 30_000,
  })
  return (await h.jsonValue()) as string
}

describe('spatial voice between two visitors', () => {
  it('connects both to the media room, carries A’s microphone to B and pans it at A’s head', async (ctx) => {
    const base = inject('baseUrl')
    const a = await openPage(browser)
    const b = await openPage(browser)
    await enterBranch(a.page, base, 'Talker')
    await enterBranch(b.page, base, 'Listener')
    if (!inject('media')) {
      // no livekit-server here: the HUD says so plainly and nothing breaks
      await expect.poll(() => a.page.locator('#voice-status').textContent()).toBe('Voice unavailable')
      ctx.skip()
    }

    // both join the media room with the microphone published and muted
    for (const p of [a.page, b.page]) {
      await p.waitForFunction(() => window.__atrium?.media.state === 'connected', undefined, { timeout: 30_000 })
      await expect.poll(() => p.locator('#mic-toggle').getAttribute('aria-pressed')).toBe('false')
    }
    const idA = await idOf(b.page, 'Talker')
    // B knows A's microphone publication and, A standing near, subscribes to it
    await b.page.waitForFunction((id) => window.__atrium!.media.remote[id]?.subscribed === true, idA, {
      timeout: 30_000,
    })

    // A unmutes (button, as a visitor would); B hears a level above silence through its analyser
    await a.page.click('#mic-toggle')
    await expect.poll(() => a.page.evaluate(() => window.__atrium!.media.micEnabled)).toBe(true)
    await b.page.waitForFunction((id) => (window.__atrium!.media.remote[id]?.level ?? 0) > 0.001, idA, {
      timeout: 30_000,
    })

    // B's panner for A sits at A's head as B sees it
    const seen = await b.page.evaluate(() => window.__atrium!.remotes().find((r) => r.name === 'Talker')!)
    const panner = await b.page.evaluate((id) => window.__atrium!.media.remote[id]!.pannerPosition, idA)
    expect(panner[0]).toBeCloseTo(seen.x, 0)
    expect(panner[2]).toBeCloseTo(seen.z, 0)

    // A walks a few metres north; B's panner follows
    const z0 = await a.page.evaluate(() => window.__atrium!.self().z)
    await a.page.keyboard.down('KeyW')
    await a.page.waitForFunction((z) => window.__atrium!.self().z < z - 3, z0, { timeout: 20_000 })
    await a.page.keyboard.up('KeyW')
    const zA = await a.page.evaluate(() => window.__atrium!.self().z)
    await b.page.waitForFunction(
      ([id, z]) =>
        Math.abs((window.__atrium!.media.remote[id as string]?.pannerPosition[2] ?? NaN) - (z as number)) < 0.1,
      [idA, zA] as const,
      { timeout: 20_000 },
    )

    // V mutes A again from the keyboard
    await a.page.keyboard.press('KeyV')
    await expect.poll(() => a.page.evaluate(() => window.__atrium!.media.micEnabled)).toBe(false)

    expect(a.external).toEqual([])
    expect(b.external).toEqual([])
    await a.page.context().close()
    await b.page.context().close()
  })
})
