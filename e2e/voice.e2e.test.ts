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

  it('tests the microphone on the join screen, and the branch opens the device chosen there', async () => {
    const base = inject('baseUrl')
    const { page, external, errors } = await openPage(browser)
    await page.goto(`${base}?testhook`)
    await page.click('#mic-check summary')
    await page.click('#mic-check-start')
    const options = page.locator('#mic-check-device option')
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(1)
    // the fake microphone beeps: the meter moves with it
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLElement>('#mic-check-level .level-bar')
        return Number(/scaleX\(([\d.e-]+)\)/.exec(bar?.style.transform ?? '')?.[1] ?? 0) > 0.05
      },
      undefined,
      { timeout: 15_000 },
    )
    const second = (await options.nth(1).getAttribute('value'))!
    await page.selectOption('#mic-check-device', second)
    await expect.poll(() => page.inputValue('#mic-check-device')).toBe(second)
    await page.click('#mic-check-stop')
    await page.waitForSelector('#mic-check-start')

    await page.fill('#join-name', 'Tester')
    await page.click('#enter-branch')
    await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })
    if (inject('media')) {
      await page.waitForFunction(() => window.__atrium?.media.state === 'connected', undefined, { timeout: 30_000 })
      await page.click('#voice-settings-toggle')
      await expect.poll(() => page.inputValue('#voice-device')).toBe(second)
    }
    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
