import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

// window.__atriumMedia, installed with ?testhook
import type { MediaVideoFeedInfo } from '../client/src/media/mediaTestHookTypes.ts'
import { enterBranch, enterSignedIn, launch, openPage, screenshot } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Signs a demo account in through the API (a separate session) and returns its bearer. */
async function bearerOf(base: string, role: string): Promise<string> {
  const account = inject('demoAccounts')[role]
  if (!account) throw new Error(`the e2e server printed no ${role} demo account`)
  const res = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin },
    body: JSON.stringify({ loginId: account.loginId, password: account.password }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/** Signs the demo advisor in on the join screen and enters the branch. */
async function enterAsAdvisor(page: Page, base: string): Promise<void> {
  await enterSignedIn(page, base, inject('demoAccounts').advisor!)
}

/** Asks the digital host for an advisor (the hand-off flow) and returns the hand-off reference. */
async function askForAdvisor(page: Page): Promise<string> {
  await page.click('#hud-host')
  await page.fill('#host-input', '我想预约理财顾问')
  await page.keyboard.press('Enter')
  const reply = page.locator('#host-panel .host-line[data-from="host"][data-kind="handoff"]').last()
  await reply.waitFor({ timeout: 30_000 })
  const reference = await reply.locator('[data-reference]').getAttribute('data-reference')
  await page.keyboard.press('Escape')
  expect(reference).toMatch(/^H-[A-Z2-9]{8}$/)
  return reference!
}

const camera = (page: Page, id: string) =>
  page.evaluate((i) => window.__atriumMedia!.cameras()[i], id) as Promise<MediaVideoFeedInfo | undefined>
const screen = (page: Page, id: string) =>
  page.evaluate((i) => window.__atriumMedia!.screens()[i], id) as Promise<MediaVideoFeedInfo | undefined>

/** Frames keep arriving: the element's clock, its presented frames and the texture's version all move on. */
async function expectAdvancing(read: () => Promise<MediaVideoFeedInfo | undefined>): Promise<void> {
  const first = (await read())!
  await expect
    .poll(
      async () => {
        const now = (await read())!
        return (
          now.currentTime > first.currentTime &&
          now.frames > first.frames + 5 &&
          now.textureVersion > first.textureVersion + 5
        )
      },
      { timeout: 15_000 },
    )
    .toBe(true)
}

describe('video in an advisory suite', () => {
  it('shows A’s camera beside A’s avatar, a placeholder when it is off, and A’s screen share on the wall', async () => {
    const base = inject('baseUrl')
    expect(inject('media'), 'the video test needs livekit-server (scripts/livekit.mjs)').toBe(true)

    // a guest asks the host for an advisor; the advisor takes the hand-off, then both meet in its media room
    const a = await openPage(browser)
    const b = await openPage(browser, { width: 1280, height: 720 })
    await enterBranch(a.page, base, 'Guest A')
    const reference = await askForAdvisor(a.page)
    const take = await fetch(new URL(`/api/staff/handoffs/${reference}/take`, base), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bearerOf(base, 'advisor')}`,
        origin: new URL(base).origin,
      },
      body: '{}',
    })
    expect(take.status).toBe(200)
    await enterAsAdvisor(b.page, base)
    // in the atrium nobody may publish video: no camera button yet
    for (const p of [a.page, b.page]) {
      await p.waitForFunction(() => window.__atriumMedia?.connected === true, undefined, { timeout: 30_000 })
    }
    expect(await a.page.locator('#camera-toggle').count()).toBe(0)

    for (const p of [a.page, b.page]) {
      await p.evaluate((r) => window.__atriumMedia!.setRoomOverride({ room: 'suite', reference: r }), reference)
      await p.waitForFunction(
        (r) => window.__atriumMedia?.connected === true && window.__atriumMedia.roomName === `suite-${r}`,
        reference,
        { timeout: 30_000 },
      )
      await p.locator('#camera-toggle').waitFor({ timeout: 15_000 })
    }
    const idA = await a.page.evaluate(() => window.__atriumMedia!.identity)

    // before A's camera is on, B's panel beside A shows the "camera off" card (a suite shows every party)
    await expect.poll(async () => (await camera(b.page, idA))?.shown, { timeout: 20_000 }).toBe('placeholder')

    // A turns the camera on: B's panel plays it as a texture, frames advancing
    await a.page.click('#camera-toggle')
    await expect.poll(() => a.page.getAttribute('#camera-toggle', 'aria-pressed'), { timeout: 20_000 }).toBe('true')
    await expect.poll(async () => (await camera(b.page, idA))?.shown, { timeout: 30_000 }).toBe('video')
    const live = (await camera(b.page, idA))!
    expect(live.width).toBeGreaterThan(0)
    expect(live.height).toBeGreaterThan(0)
    await expectAdvancing(() => camera(b.page, idA))
    // A walks ahead into B's view, so the screenshot shows the panel beside A's avatar
    await a.page.keyboard.down('KeyW')
    await b.page.keyboard.down('KeyS')
    await a.page.waitForTimeout(2500)
    await a.page.keyboard.up('KeyW')
    await b.page.keyboard.up('KeyS')
    await b.page.waitForTimeout(1500)
    await screenshot(b.page, 'video-camera-panel')

    // A turns it off: the publication is muted and B's panel goes back to the placeholder
    await a.page.click('#camera-toggle')
    await expect.poll(async () => (await camera(b.page, idA))?.muted, { timeout: 20_000 }).toBe(true)
    await expect.poll(async () => (await camera(b.page, idA))?.shown).toBe('placeholder')

    // A shares the (fake) screen: B sees it on the suite's wall display
    await a.page.click('#screen-toggle')
    await expect.poll(() => a.page.getAttribute('#screen-toggle', 'aria-pressed'), { timeout: 20_000 }).toBe('true')
    await expect.poll(async () => (await screen(b.page, idA))?.shown, { timeout: 30_000 }).toBe('video')
    expect((await screen(b.page, idA))!.width).toBeGreaterThan(0)
    await expectAdvancing(() => screen(b.page, idA))

    // the advisor moderates from the people list (the guest gets no such controls): stopping A's share mutes it
    expect(await a.page.locator('.moderation').count()).toBe(0)
    const controls = b.page.locator(`[data-moderate="${idA}"]`)
    const stopShare = controls.locator('button[data-action="mute-screen_share"]')
    await stopShare.waitFor({ timeout: 15_000 })
    expect(await controls.locator('button[data-action="remove"]').count()).toBe(1)
    await stopShare.focus()
    await b.page.keyboard.press('Enter')
    await expect.poll(() => a.page.getAttribute('#screen-toggle', 'aria-pressed'), { timeout: 20_000 }).toBe('false')
    await expect.poll(async () => (await screen(b.page, idA))?.muted, { timeout: 20_000 }).toBe(true)

    // clearing the override takes A back to the zone's room, where video is not allowed
    await a.page.evaluate(() => window.__atriumMedia!.setRoomOverride(null))
    await a.page.waitForFunction(
      () => window.__atriumMedia?.connected === true && window.__atriumMedia.roomName?.startsWith('atrium-'),
      undefined,
      { timeout: 30_000 },
    )
    await expect.poll(() => a.page.locator('#camera-toggle').count()).toBe(0)

    expect(a.external).toEqual([])
    expect(b.external).toEqual([])
    await a.page.context().close()
    await b.page.context().close()
  }, 300_000)
})
