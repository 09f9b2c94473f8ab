import type { XRDevice } from 'iwer'
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

describe('an emulated Meta Quest 3', () => {
  it('enters immersive VR, teleports with the controller, and others see the new position', async () => {
    const base = inject('baseUrl')
    // the observer joins after the teleport: software WebGL renders two pages at a few frames per
    // second, and the arc's smoothing (a slerp by frame time) overshoots below ~5 fps
    const vr = await openPage(browser, { xr: true })
    await enterBranch(vr.page, base, 'Headset')

    await vr.page.click('#enter-vr')
    await vr.page.waitForFunction(() => window.__atrium?.xrStore.getState().session != null, undefined, {
      timeout: 30_000,
    })
    const mode = await vr.page.evaluate(() => window.__atrium!.xrStore.getState().mode)
    expect(mode).toBe('immersive-vr')
    const before = await vr.page.evaluate(() => window.__atrium!.self())

    // point the right controller forward and down at the floor, then pull and release the trigger
    await vr.page.evaluate(() => {
      const dev = (window as unknown as { __iwer: XRDevice }).__iwer
      const right = dev.controllers.right!
      right.position.set(0.2, 1.3, -0.3)
      right.quaternion.set(Math.sin(-0.4), 0, 0, Math.cos(-0.4))
    })
    // software rendering is slow: step by rendered frames, not by wall-clock time
    const afterFrames = async (n: number) => {
      const f0 = await vr.page.evaluate(() => window.__atrium!.frames())
      await vr.page.waitForFunction((f) => window.__atrium!.frames() >= f, f0 + n, { timeout: 30_000 })
    }
    const trigger = (value: number) =>
      vr.page.evaluate(
        (v) => (window as unknown as { __iwer: XRDevice }).__iwer.controllers.right!.updateButtonValue('trigger', v),
        value,
      )
    await afterFrames(15)
    await trigger(1)
    await afterFrames(5)
    await trigger(0)
    await vr.page.waitForFunction((z0) => window.__atrium!.self().z < z0 - 0.5, before.z, { timeout: 20_000 })
    const after = await vr.page.evaluate(() => window.__atrium!.self())
    const desk = await openPage(browser)
    await enterBranch(desk.page, base, 'Desktop')

    await desk.page.waitForFunction(
      (z) => {
        const r = window.__atrium?.remotes().find((x) => x.name === 'Headset')
        return r !== undefined && Math.abs(r.z - z) < 0.3
      },
      after.z,
      { timeout: 20_000 },
    )
    expect(await screenshot(vr.page, 'vr-headset')).toBeGreaterThan(20)
    expect(await screenshot(desk.page, 'desktop-sees-headset')).toBeGreaterThan(50)
    expect(vr.external).toEqual([])
    expect(desk.external).toEqual([])
    await vr.page.context().close()
    await desk.page.context().close()
  })
})
