import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { enterBranch, launch, openPage, screenshot } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe('two visitors in the atrium', () => {
  it('one walks with the keyboard and the other sees the avatar move', async () => {
    const base = inject('baseUrl')
    const a = await openPage(browser)
    const b = await openPage(browser)
    await enterBranch(a.page, base, 'Walker')
    await enterBranch(b.page, base, 'Watcher')

    // B sees A appear at the entrance
    const start = await b.page.waitForFunction(
      () => window.__atrium?.remotes().find((r) => r.name === 'Walker' && Number.isFinite(r.z)),
      undefined,
      { timeout: 30_000 },
    )
    const before = (await start.jsonValue()) as { x: number; z: number }
    const selfBefore = await a.page.evaluate(() => window.__atrium!.self())
    expect(before.z).toBeCloseTo(selfBefore.z, 1)

    // A walks forward (north, towards the reception desk) for a moment
    await a.page.keyboard.down('KeyW')
    await a.page.waitForFunction((z0) => window.__atrium!.self().z < z0 - 2, selfBefore.z, { timeout: 20_000 })
    await a.page.keyboard.up('KeyW')
    const selfAfter = await a.page.evaluate(() => window.__atrium!.self())

    await b.page.waitForFunction(
      (z) => {
        const r = window.__atrium?.remotes().find((x) => x.name === 'Walker')
        return r !== undefined && Math.abs(r.z - z) < 0.05
      },
      selfAfter.z,
      { timeout: 20_000 },
    )
    const seen = await b.page.evaluate(() => window.__atrium!.remotes().find((r) => r.name === 'Walker')!)
    expect(seen.z).toBeLessThan(before.z - 2)
    expect(seen.y).toBeCloseTo(1.6, 1)

    // both see each other in the people list, and the scene is drawn
    await expect
      .poll(() => b.page.locator('.people li .name').allTextContents())
      .toEqual(expect.arrayContaining(['Walker', 'Watcher']))
    const colours = await screenshot(b.page, 'desktop-watcher')
    expect(colours).toBeGreaterThan(50)
    const canvasShot = await b.page.locator('canvas').screenshot()
    expect(canvasShot.length).toBeGreaterThan(10_000)
    const stats = await b.page.evaluate(() => window.__atrium!.render())
    expect(stats.calls).toBeGreaterThan(0)
    expect(stats.triangles).toBeGreaterThan(0)

    expect(a.external).toEqual([])
    expect(b.external).toEqual([])
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
    await a.page.context().close()
    await b.page.context().close()
  })

  it('chats, switches language and travels by the zone map from the keyboard', async () => {
    const base = inject('baseUrl')
    const a = await openPage(browser)
    await enterBranch(a.page, base, '小明')
    await a.page.fill('#chat-input', 'hello <b>there</b>')
    await a.page.keyboard.press('Enter')
    await expect.poll(() => a.page.locator('.chat li .text').last().textContent()).toBe('hello <b>there</b>')

    await a.page.click('button.lang')
    await expect.poll(() => a.page.locator('#chat-heading').textContent()).toBe('聊天')
    await expect.poll(() => a.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')

    await a.page.keyboard.press('Digit4')
    await a.page.waitForFunction(() => window.__atrium!.self().z < -11, undefined, { timeout: 10_000 })
    await expect.poll(() => a.page.locator('[data-zone="auditorium"]').getAttribute('aria-current')).toBe('location')
    expect(a.external).toEqual([])
    expect(a.errors).toEqual([])
    await a.page.context().close()
  })
})
