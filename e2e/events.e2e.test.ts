import { deflateSync } from 'node:zlib'

import type { CertificateStatus, EventView, SessionResponse } from '@atrium/common'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

// window.__atrium and window.__atriumMedia, installed with ?testhook
import type {} from '../client/src/media/mediaTestHookTypes.ts'
import { api } from './api.ts'
import { enterSignedIn, launch, openPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** A one-colour 8×8 PNG, so each slide differs. */
function png(r: number, g: number, b: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(8, 0)
  ihdr.writeUInt32BE(8, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 8 }, () => [r, g, b]).flat())])
  const raw = Buffer.concat(Array.from({ length: 8 }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Signs in on the join screen and enters the branch. */
/** Opens the events dialog and takes a seat in the event's auditorium. */
async function takeSeat(page: Page, eventId: string): Promise<void> {
  await page.click('#hud-events')
  // a DOM click: four software-rendered pages on a small machine make pointer actionability checks crawl
  await page
    .locator(`article[data-event="${eventId}"] button[data-action="seat"]`)
    .evaluate((el: HTMLElement) => el.click())
  await page.waitForSelector('#event-slide', { timeout: 60_000 })
}

const t0 = Date.now()
const step = (what: string) => process.stderr.write(`[events e2e] ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}\n`)

/** expect.poll with room for a loaded machine: four software-rendered pages share two cores. */
const eventually = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: opts.timeout ?? 60_000, interval: 250 })

const slideAt = (page: Page) => page.locator('#event-slide').getAttribute('data-page')

describe('an investor-education event in the auditorium', () => {
  it('syncs slides, promotes a raised hand, runs a poll and Q&A, and certifies who stayed', async () => {
    const base = inject('baseUrl')
    const educator = inject('demoAccounts').educator
    if (!educator) throw new Error('the e2e server printed no educator demo account')
    const host = await api<SessionResponse>(base, 'POST', '/api/auth/login', undefined, educator)
    const event = await api<EventView>(base, 'POST', '/api/events', host.accessToken, {
      title: { en: 'Bonds and funds', 'zh-CN': '债券与基金' },
      startsAt: Date.now() + 60_000,
      durationMinutes: 30,
      capacity: 10,
      lang: 'both',
      minAttendance: 0.5,
    })
    for (const colour of [png(200, 30, 30), png(30, 200, 30), png(30, 30, 200)]) {
      const res = await fetch(new URL(`/api/events/${event.id}/slides`, base), {
        method: 'POST',
        headers: { authorization: `Bearer ${host.accessToken}`, 'content-type': 'image/png' },
        body: new Uint8Array(colour),
      })
      expect(res.status).toBe(201)
    }
    const people = await Promise.all(
      ['Ada', 'Bo', 'Cy'].map(async (name) => {
        const loginId = `e2e-event-${name.toLowerCase()}-${Date.now()}@example.com`
        const password = 'a long enough passphrase'
        const s = await api<SessionResponse>(base, 'POST', '/api/auth/register', undefined, {
          displayName: name,
          loginId,
          password,
          lang: 'en',
        })
        await api(base, 'POST', `/api/events/${event.id}/registration`, s.accessToken)
        return { name, loginId, password, id: s.user.id, token: s.accessToken }
      }),
    )
    const [ada, bo, cy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]

    // small viewports: four software-rendered pages share two cores
    const small = { width: 560, height: 420 }
    const e = await openPage(browser, small)
    const pages = await Promise.all(people.map(() => openPage(browser, small)))
    const [a, b, c] = pages.map((p) => p.page) as [Page, Page, Page]
    await enterSignedIn(e.page, base, educator)
    await Promise.all(people.map((p, i) => enterSignedIn(pages[i]!.page, base, p)))
    await takeSeat(e.page, event.id)
    for (const p of [a, b, c]) await takeSeat(p, event.id)
    await e.page.click('#event-start')
    await eventually(() => c.locator('#event-phase').getAttribute('data-phase')).toBe('live')

    step('seated')
    // (0) each attendee sits in their own seat in the hall, facing the stage, and the branch accepted the move
    const seats = await Promise.all(pages.map((p) => p.page.evaluate(() => window.__atrium!.self())))
    for (const seat of seats) {
      expect(seat.yaw).toBe(0)
      expect(seat.z).toBeGreaterThanOrEqual(-21.01)
      expect(seat.z).toBeLessThan(-12)
    }
    expect(new Set(seats.map((p) => `${p.x.toFixed(2)},${p.z.toFixed(2)}`)).size).toBe(3)
    await eventually(async () => {
      const seen = await b.evaluate((id) => window.__atrium!.remotes().find((r) => r.id === id), ada.id)
      return seen && Math.hypot(seen.x - seats[0]!.x, seen.z - seats[0]!.z) < 0.5
    }).toBe(true)
    // (1) slides: only the presenter has the buttons; every page follows them
    for (const p of [a, b, c]) await eventually(() => p.locator('#event-slide').textContent()).toBe('Slide 1 of 3')
    expect(await a.locator('#event-next').count()).toBe(0)
    await e.page.click('#event-next')
    for (const p of [e.page, a, b, c]) await eventually(() => slideAt(p)).toBe('1')

    // Cy leaves early: no certificate for them later
    await c.click('#event-leave')

    step('slides synced')
    // (2) Ada raises a hand; the host invites her to speak; Bo hears her; unpromoted Bo cannot publish
    await a.click('#event-hand')
    await eventually(() => e.page.locator('#event-hands li').textContent()).toContain('Ada')
    await e.page.locator('#event-hands li', { hasText: 'Ada' }).locator('[data-action="promote"]').click()
    await eventually(() => b.locator('#event-speakers li').textContent()).toContain('Ada')
    if (inject('media')) {
      await a.waitForFunction(() => window.__atriumMedia?.roomName?.startsWith('event-'), undefined, {
        timeout: 30_000,
      })
      await a.waitForFunction(() => window.__atriumMedia!.micPublished !== undefined, undefined, { timeout: 30_000 })
      await a.keyboard.press('Escape')
      await a.click('#mic-toggle')
      await b.waitForFunction((id) => (window.__atrium!.media.remote[id]?.level ?? 0) > 0.001, ada.id, {
        timeout: 30_000,
      })
      const forced = await b.evaluate(() =>
        Promise.race([
          window.__atriumMedia!.forceMic(),
          new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000)),
        ]),
      )
      expect(forced).toMatch(/insufficient permissions|timeout/)
      // the host mutes everyone: Ada's own toggle shows her microphone off
      expect(await a.locator('#mic-toggle').getAttribute('aria-pressed')).toBe('true')
      await e.page.click('#event-mute-all')
      await eventually(() => a.locator('#mic-toggle').getAttribute('aria-pressed')).toBe('false')
      await a.click('#hud-events')
    }

    step('hand promoted')
    // (3) a poll: the 2D counts match the votes on every page
    await e.page.click('#event-poll-create')
    await e.page.fill('#event-poll-form input[name="question"]', 'Riskier?')
    await e.page.fill('#event-poll-form textarea[name="options"]', 'Bonds\nStocks')
    await e.page.click('#event-poll-form button[type="submit"]')
    await a.locator('#event-poll button', { hasText: 'Stocks' }).click()
    await b.locator('#event-poll button', { hasText: 'Stocks' }).click()
    for (const p of [e.page, a, b]) {
      await eventually(() => p.locator('#event-poll .poll-count').allTextContents()).toEqual(['0', '2'])
    }

    step('poll counted')
    // (4) Q&A: two questions, approved; the one with more votes comes first
    await a.fill('input[name="question"]', 'What is duration?')
    await a.keyboard.press('Enter')
    await b.fill('input[name="question"]', 'Are funds safe?')
    await b.keyboard.press('Enter')
    const hostQs = e.page.locator('#event-questions li')
    await eventually(() => hostQs.count()).toBe(2)
    for (const text of ['What is duration?', 'Are funds safe?']) {
      await hostQs.filter({ hasText: text }).locator('[data-action="approved"]').click()
    }
    await eventually(() => a.locator('#event-questions li').count()).toBe(2)
    for (const p of [a, b]) {
      await p.locator('#event-questions li', { hasText: 'Are funds safe?' }).locator('[data-action="upvote"]').click()
    }
    await eventually(() => a.locator('#event-questions .q-text').allTextContents()).toEqual([
      'Are funds safe?',
      'What is duration?',
    ])

    step('questions ordered')
    // (5) the host ends the event: Ada stayed and gets a certificate; Cy left early and does not
    await e.page.click('#event-end')
    const status = (token: string) =>
      api<CertificateStatus>(base, 'GET', `/api/events/${event.id}/certificate/status`, token)
    await eventually(async () => (await status(ada.token)).eligible, { timeout: 20_000 }).toBe(true)
    expect((await status(cy.token)).reason).toBe('too_short')
    const pdf = await fetch(new URL(`/api/events/${event.id}/certificate`, base), {
      headers: { authorization: `Bearer ${ada.token}` },
    })
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    void bo

    for (const p of [e, ...pages]) expect(p.external).toEqual([])
    await Promise.all([e, ...pages].map((p) => p.page.context().close()))
  }, 600_000)
})
