import type { MediaModerationResponse, MediaTokenResponse } from '@atrium/common'
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

// window.__atriumMedia, installed with ?testhook
import type {} from '../client/src/media/mediaTestHookTypes.ts'
import { enterBranch, launch, openPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Walks the visitor into the auditorium (key 4 travels there) and waits until they joined its media room. */
async function enterAuditorium(page: Page): Promise<string> {
  await page.keyboard.press('Digit4')
  const h = await page.waitForFunction(
    () => {
      const m = window.__atriumMedia
      return m?.connected && m.roomName?.startsWith('auditorium-') ? m.roomName : undefined
    },
    undefined,
    { timeout: 30_000 },
  )
  return (await h.jsonValue()) as string
}

/** Signs the demo educator in through the API and returns a bearer for moderation calls. */
async function educatorBearer(base: string): Promise<string> {
  const educator = inject('demoAccounts').educator
  if (!educator) throw new Error('the e2e server printed no educator demo account')
  const res = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(base).origin },
    body: JSON.stringify({ loginId: educator.loginId, password: educator.password }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { accessToken: string }).accessToken
}

async function moderate(base: string, bearer: string, op: string, body: object): Promise<MediaModerationResponse> {
  const res = await fetch(new URL(`/api/media/moderation/${op}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, origin: new URL(base).origin },
    body: JSON.stringify(body),
  })
  expect(res.status, `${op}: ${res.status}`).toBe(200)
  return (await res.json()) as MediaModerationResponse
}

describe('auditorium voice moderation', () => {
  it('keeps the audience listening, lets an educator promote, mute and remove a guest', async (ctx) => {
    const base = inject('baseUrl')
    const livekit = inject('livekit')
    if (!inject('media') || !livekit) return ctx.skip()
    const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret)

    const g = await openPage(browser)
    const w = await openPage(browser)
    const tokens: MediaTokenResponse[] = []
    g.page.on('response', (r) => {
      if (r.url().endsWith('/api/media/token') && r.ok())
        void r.json().then((j) => tokens.push(j as MediaTokenResponse))
    })
    await enterBranch(g.page, base, 'Audience')
    await enterBranch(w.page, base, 'Watcher')
    // in the atrium everyone may speak: the microphone button shows
    await g.page.waitForFunction(() => window.__atrium?.media.state === 'connected', undefined, { timeout: 30_000 })
    await expect.poll(() => g.page.locator('#mic-toggle').count()).toBe(1)

    const roomName = await enterAuditorium(g.page)
    expect(await enterAuditorium(w.page)).toBe(roomName)
    const instance = Number(roomName.slice('auditorium-'.length))
    const idG = await g.page.evaluate(() => window.__atriumMedia!.identity)

    // (a) the guest's auditorium token grants nothing to publish, the HUD says "Listening", and publishing fails
    await expect.poll(() => tokens.find((t) => t.roomName === roomName)?.canPublish).toEqual([])
    await expect.poll(() => g.page.locator('#voice-status').textContent()).toBe('Listening')
    expect(await g.page.locator('#mic-toggle').count()).toBe(0)
    expect(await g.page.evaluate(() => window.__atriumMedia!.canPublish)).toBe(false)
    const forced = await g.page.evaluate(() =>
      Promise.race([
        window.__atriumMedia!.forceMic(),
        new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000)),
      ]),
    )
    // livekit-client refuses before asking (the live permission says no); a timeout would mean no answer at all
    expect(forced).toMatch(/insufficient permissions|timeout/)
    const before = await rooms.getParticipant(roomName, idG)
    expect(before.permission?.canPublish).toBe(false)
    expect(before.tracks.filter((t) => t.source === TrackSource.MICROPHONE)).toEqual([])

    // (b) the educator promotes the guest: the live permission changes and the microphone publishes (muted)
    const bearer = await educatorBearer(base)
    const promoted = await moderate(base, bearer, 'speaker', {
      room: 'auditorium',
      instance,
      identity: idG,
      speaker: true,
    })
    expect(promoted.canPublish).toContain('microphone')
    await g.page.waitForFunction(() => window.__atriumMedia!.micPublished !== undefined, undefined, { timeout: 30_000 })
    await expect.poll(() => g.page.locator('#mic-toggle').count()).toBe(1)
    await expect
      .poll(async () =>
        (await rooms.getParticipant(roomName, idG)).tracks.some((t) => t.source === TrackSource.MICROPHONE),
      )
      .toBe(true)
    await g.page.click('#mic-toggle')
    await expect.poll(() => g.page.locator('#mic-toggle').getAttribute('aria-pressed')).toBe('true')
    await expect
      .poll(() => w.page.evaluate((id) => window.__atriumMedia!.remoteMicMuted(id), idG), { timeout: 20_000 })
      .toBe(false)
    // meeting mode: the watcher hears the new speaker (level above silence) wherever each of them stands
    await w.page.waitForFunction((id) => (window.__atrium!.media.remote[id]?.level ?? 0) > 0.001, idG, {
      timeout: 30_000,
    })

    // (c) a staff mute shows on the other page; a removal disconnects the guest
    const trackSid = (await g.page.evaluate(() => window.__atriumMedia!.micPublished))!
    await moderate(base, bearer, 'mute', { room: 'auditorium', instance, identity: idG, trackSid })
    await expect
      .poll(() => w.page.evaluate((id) => window.__atriumMedia!.remoteMicMuted(id), idG), { timeout: 20_000 })
      .toBe(true)
    // and on the muted guest's own page: the toggle shows the microphone off, not a live one that is silent
    await expect
      .poll(() => g.page.locator('#mic-toggle').getAttribute('aria-pressed'), { timeout: 20_000 })
      .toBe('false')
    await moderate(base, bearer, 'remove', { room: 'auditorium', instance, identity: idG })
    await g.page.waitForFunction(() => !window.__atriumMedia!.connected, undefined, { timeout: 20_000 })
    await expect
      .poll(async () => (await rooms.listParticipants(roomName)).map((p) => p.identity), { timeout: 20_000 })
      .not.toContain(idG)

    // leaving the auditorium takes the watcher back to the atrium's room, where they may speak again
    await w.page.keyboard.press('Digit1')
    await w.page.waitForFunction(
      () => window.__atriumMedia?.connected && window.__atriumMedia.roomName?.startsWith('atrium-'),
      undefined,
      { timeout: 30_000 },
    )
    await expect.poll(() => w.page.locator('#mic-toggle').count()).toBe(1)

    expect(g.external).toEqual([])
    expect(w.external).toEqual([])
    await g.page.context().close()
    await w.page.context().close()
  })
})
