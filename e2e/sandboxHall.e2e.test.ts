import type { XRDevice } from 'iwer'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { HallTestHook } from '../client/src/sandbox/hall/hallTestHookTypes.ts'
import { enterBranch, launch, openPage, screenshot } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** The branch renders in software here, so the scene can lag well behind a request. */
const SLOW = { timeout: 30_000 }

const allocation = (page: Page) => page.evaluate(() => window.__atriumHall!.allocation())
/**
 * Travelling between zones moves the visitor's voice to another LiveKit room; on a loaded machine the local
 * livekit-server can refuse a connection attempt, which the SDK logs and retries. That belongs to the media
 * suites, not to the hall.
 */
const mediaReconnect = (message: string) => message.includes('websocket error during connection establishment')

/** Asset class ids in column order. */
const classesOf = (page: Page): Promise<ReturnType<HallTestHook['classes']>> =>
  page.evaluate(() => window.__atriumHall!.classes())
const total = (a: Record<string, number>) => Object.values(a).reduce((s, x) => s + x, 0)

/** Presses 3 (the zone map's key for the sandbox hall) and waits for the table's 2D controls. */
async function goToHall(page: Page) {
  await page.keyboard.press('Digit3')
  await page.waitForSelector('#sandbox-hall', SLOW)
  await page.waitForFunction(() => window.__atriumHall !== undefined, undefined, SLOW)
}

describe('the sandbox hall', () => {
  it(
    'resizes columns by keyboard and mouse, runs a projection into a fan, and replays a stress scenario',
    { timeout: 300_000 },
    async () => {
      const { page, external, errors } = await openPage(browser, { width: 1280, height: 900 })
      await enterBranch(page, inject('baseUrl'), 'Sculptor')
      await goToHall(page)
      expect(await page.locator('#hall-disclaimer').textContent()).toContain(
        'Results are hypothetical, not guaranteed.',
      )
      expect(await page.locator('#hall-risk-level').textContent()).toMatch(/Plan risk level: R\d/)
      expect(await page.locator('#hall-help').textContent()).toContain('[ and ] choose a column')
      const classes = await classesOf(page)
      expect(classes).toHaveLength(8)

      // keyboard: ] four times reaches CSI 300, + twice adds 2%, the others give way and the total stays 100
      const start = await allocation(page)
      expect(total(start)).toBe(100)
      for (let i = 0; i < 4; i++) await page.keyboard.press('BracketRight')
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.selected()), SLOW).toBe(4)
      await page.keyboard.press('Equal')
      await page.keyboard.press('Equal')
      await expect.poll(async () => (await allocation(page)).csi300, SLOW).toBe(start.csi300! + 2)
      expect(total(await allocation(page))).toBe(100)
      expect(await page.locator('#hall-total').textContent()).toBe('Total: 100%')
      expect(await page.locator('#hall-weight').inputValue()).toBe(String(start.csi300! + 2))
      await page.keyboard.press('Minus')
      await expect.poll(async () => (await allocation(page)).csi300, SLOW).toBe(start.csi300! + 1)

      // the planner panel (P) edits the same plan: it shows the hall's change; a small run keeps the test quick
      await page.keyboard.press('KeyP')
      await page.waitForSelector('#sandbox-panel', SLOW)
      expect(Number(await page.locator('#alloc-range-csi300').inputValue())).toBe(start.csi300! + 1)
      await page.selectOption('#sandbox-paths', '500')
      await page.locator('#sandbox-heading').focus()
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('#sandbox-panel').count(), SLOW).toBe(0)

      // mouse: drag the gold column's top upwards; the view does not turn while a column is held
      const gold = classes.indexOf('gold')
      const before = await allocation(page)
      const still = await page.evaluate(() => window.__atrium!.self())
      const p = await page.evaluate((i) => window.__atriumHall!.columnScreenPoint(i), gold)
      expect(p.visible).toBe(true)
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, p)).toBe('CANVAS')
      await page.mouse.move(p.x, p.y + 4)
      await page.mouse.down()
      await page.mouse.move(p.x, p.y - 40, { steps: 4 })
      await page.mouse.move(p.x, p.y - 90, { steps: 4 })
      await page.mouse.up()
      await expect.poll(async () => (await allocation(page)).gold ?? 0, SLOW).toBeGreaterThan(before.gold! + 3)
      expect(total(await allocation(page))).toBe(100)
      expect(await page.evaluate(() => window.__atriumHall!.selected())).toBe(gold)
      const after = await page.evaluate(() => window.__atrium!.self())
      expect(after.yaw).toBeCloseTo(still.yaw, 6)
      // R runs the projection in the worker; the fan has 7 percentile rows (6 bands) over 10 years, drawn monthly
      const callsBefore = await page.evaluate(() => window.__atrium!.render().calls)
      await page.keyboard.press('KeyR')
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.runStatus()), { timeout: 90_000 }).toBe('done')
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.fan()), SLOW).not.toBeNull()
      const fan = (await page.evaluate(() => window.__atriumHall!.fan()))!
      expect(fan).toMatchObject({ rows: 7, bands: 6, columns: 121, vertices: 847 })
      expect(fan.lines).toBeGreaterThan(6)
      expect(await page.locator('#hall-disclaimer').textContent()).toContain('500 paths')
      expect(await page.locator('#hall-projection-status').textContent()).toMatch(/^Median after 10 years: CN¥/)
      expect(await page.locator('.hall-detail').first().textContent()).toMatch(
        /^Goal of CN¥.* reached in \d+(\.\d)?% of paths$/,
      )
      await page.waitForTimeout(500)
      const callsAfter = await page.evaluate(() => window.__atrium!.render().calls)
      expect(callsAfter - callsBefore).toBeLessThanOrEqual(2)
      // X replays the first scenario (2008): the front sweeps, the columns sink, and the caption gives loss and recovery
      await page.keyboard.press('KeyX')
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.replay().scenario), SLOW).toBe(0)
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.replay().front), SLOW).toBeGreaterThan(0)
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.replay().depth), SLOW).toBeGreaterThan(0.5)
      // the fall and recovery drawn across the whole fan while the replay holds (an artifact for review)
      const holding = () =>
        page.evaluate(() => {
          const r = window.__atriumHall!.replay()
          return r.amount === 1 && r.front > 90
        })
      await expect.poll(holding, { ...SLOW, interval: 50 }).toBe(true)
      // the shader sees the replay: it draws from the same uniforms the animation drives
      expect((await page.evaluate(() => window.__atriumHall!.fan()))!.shaderAmount).toBe(1)
      await screenshot(page, 'sandbox-hall')
      const caption = await page.locator('#hall-stress-caption').textContent()
      expect(caption).toMatch(
        /^2008 global financial crisis: this plan would lose CN¥[\d,]+ \(\d+(\.\d)?%\) of CN¥100,000\./,
      )
      expect(caption).toMatch(/after about \d+ months at median returns\.$/)
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.replay().playing), SLOW).toBe(false)
      expect(await page.evaluate(() => window.__atriumHall!.replay().amount)).toBe(0)

      // the same by pointer in the 2D controls: choose 2020 and replay it
      await page.selectOption('#hall-scenario', '2')
      await page.click('#hall-replay')
      await expect.poll(() => page.locator('#hall-stress-caption').textContent(), SLOW).toContain('2020 COVID crash')
      expect(await page.evaluate(() => window.__atriumHall!.replay().scenario)).toBe(2)

      // and by pointer on the 3D board: its 2015 button
      const b = await page.evaluate(() => window.__atriumHall!.boardButtonScreenPoint('stress:1'))
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, b)).toBe('CANVAS')
      await page.mouse.click(b.x, b.y)
      await expect.poll(() => page.evaluate(() => window.__atriumHall!.replay().scenario), SLOW).toBe(1)
      expect(await page.locator('#hall-stress-caption').textContent()).toContain('2015 China A-share crash')

      // the 2D controls belong to the hall: travelling back to the atrium (key 1) removes them
      await page.keyboard.press('Digit1')
      await expect.poll(() => page.locator('#sandbox-hall').count(), SLOW).toBe(0)
      await page.keyboard.press('Digit3')
      await page.waitForSelector('#sandbox-hall', SLOW)

      // a closer look for the artifacts: walk up to the table
      await page.keyboard.down('KeyW')
      await expect.poll(() => page.evaluate(() => window.__atrium!.self().x), SLOW).toBeLessThan(-16)
      await page.keyboard.up('KeyW')
      await screenshot(page, 'sandbox-hall-near')

      expect(external).toEqual([])
      expect(errors.filter((e) => !mediaReconnect(e))).toEqual([])
      await page.context().close()
    },
  )
  it('an emulated Meta Quest 3 grabs a column with the controller and pulls it up', { timeout: 240_000 }, async () => {
    const { page, external, errors } = await openPage(browser, { xr: true })
    await enterBranch(page, inject('baseUrl'), 'Grabber')
    await goToHall(page)
    await page.click('#enter-vr')
    await page.waitForFunction(() => window.__atrium?.xrStore.getState().session != null, undefined, SLOW)
    // software rendering is slow: step by rendered frames, not by wall-clock time
    const afterFrames = async (n: number) => {
      const f0 = await page.evaluate(() => window.__atrium!.frames())
      await page.waitForFunction((f) => window.__atrium!.frames() >= f, f0 + n, SLOW)
    }
    const classes = await classesOf(page)
    const column = classes.indexOf('csi300')
    const before = await allocation(page)

    // the controller's pose is in the XR origin's frame, which sits at the visitor's feet turned by their yaw
    const handAt = (target: { x: number; y: number; z: number }) =>
      page.evaluate((t) => {
        const me = window.__atrium!.self()
        const dx = t.x - me.x
        const dz = t.z - me.z
        const c = Math.cos(me.yaw)
        const s = Math.sin(me.yaw)
        const right = (window as unknown as { __iwer: XRDevice }).__iwer.controllers.right!
        right.position.set(dx * c - dz * s, t.y, dx * s + dz * c)
        right.quaternion.set(0, 0, 0, 1)
      }, target)
    const moveTo = async (dy: number) => {
      const top = await page.evaluate((i) => window.__atriumHall!.columnWorldTop(i), column)
      await handAt({ ...top, y: top.y - 0.03 + dy })
    }
    const squeeze = (value: number) =>
      page.evaluate(
        (v) => (window as unknown as { __iwer: XRDevice }).__iwer.controllers.right!.updateButtonValue('squeeze', v),
        value,
      )
    await moveTo(0)
    await afterFrames(5)
    await squeeze(1)
    await afterFrames(5)
    expect(await page.evaluate(() => window.__atriumHall!.selected())).toBe(column)
    // the grab is relative: the column top follows the hand from where it took hold
    const top = await page.evaluate((i) => window.__atriumHall!.columnWorldTop(i).y, column)
    await page.evaluate(() => {
      ;(window as unknown as { __iwer: XRDevice }).__iwer.controllers.right!.position.y += 0.14
    })
    await afterFrames(5)
    await squeeze(0)
    await afterFrames(3)
    const after = await allocation(page)
    expect(after.csi300).toBeGreaterThanOrEqual(before.csi300! + 8)
    expect(total(after)).toBe(100)
    expect(await page.evaluate((i) => window.__atriumHall!.columnWorldTop(i).y, column)).toBeGreaterThan(top + 0.08)

    // released: moving the hand further changes nothing
    await moveTo(0.3)
    await afterFrames(5)
    expect(await allocation(page)).toEqual(after)

    // squeezing on the board's Run button starts a projection
    await handAt(await page.evaluate(() => window.__atriumHall!.boardButtonWorld('run')))
    await afterFrames(3)
    await squeeze(1)
    await afterFrames(3)
    await squeeze(0)
    await expect.poll(() => page.evaluate(() => window.__atriumHall!.runStatus()), SLOW).not.toBe('idle')
    await screenshot(page, 'sandbox-hall-vr')
    expect(external).toEqual([])
    expect(errors.filter((e) => !mediaReconnect(e))).toEqual([])
    await page.context().close()
  })
  it('a finger on a touch screen drags a column up', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, locale: 'en-US', hasTouch: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort()
    })
    await enterBranch(page, inject('baseUrl'), 'Finger')
    await goToHall(page)
    const classes = await classesOf(page)
    const column = classes.indexOf('csi300')
    const before = await allocation(page)
    const still = await page.evaluate(() => window.__atrium!.self())
    const p = await page.evaluate((i) => window.__atriumHall!.columnScreenPoint(i), column)
    expect(p.visible).toBe(true)
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, p)).toBe('CANVAS')
    // real touch events through the DevTools protocol: the browser turns them into pointer events of type touch
    const cdp = await context.newCDPSession(page)
    const touch = (type: string, y?: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type: type as 'touchStart',
        touchPoints: y === undefined ? [] : [{ x: p.x, y }],
      })
    await touch('touchStart', p.y + 4)
    for (let k = 1; k <= 6; k++) await touch('touchMove', p.y + 4 - k * 12)
    await touch('touchEnd')
    await expect.poll(async () => (await allocation(page)).csi300 ?? 0, SLOW).toBeGreaterThan(before.csi300! + 3)
    expect(total(await allocation(page))).toBe(100)
    expect((await page.evaluate(() => window.__atrium!.self())).yaw).toBeCloseTo(still.yaw, 6)
    expect(errors.filter((e) => !mediaReconnect(e))).toEqual([])
    await context.close()
  })
})
