import { randomBytes } from 'node:crypto'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { enterSignedIn, launch, openPage } from './browser.ts'
// window.__atrium and window.__atriumMedia, installed with ?testhook
import type {} from '../client/src/media/mediaTestHookTypes.ts'

let browser: Browser
const step = (what: string) => void process.stderr.write(`[advisor journey] ${what}\n`)

beforeAll(async () => {
  // two pages that must hear each other: without GPU compositing, software readback starves their WebRTC signalling
  browser = await launch({ gpuCompositing: true })
})
afterAll(async () => {
  await browser?.close()
})

const SLOW = { timeout: 60_000 }
/** Clicks through the DOM: the planner and the console may overlap on a small viewport. */
const press = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).click())

/** Every allocation slider's value, by asset class. */
const sliders = (page: Page) =>
  page.$$eval('#sandbox-panel input[type="range"]', (els) =>
    els.map((el) => `${el.id}=${(el as HTMLInputElement).value}`),
  )

/** Both unmute; each page then hears the other's fake microphone (a level above silence). */
async function hearEachOther(x: Page, y: Page): Promise<void> {
  for (const p of [x, y]) {
    await press(p, '#mic-toggle')
    await p.waitForFunction(() => window.__atrium!.media.micEnabled, undefined, { timeout: 30_000 })
  }
  for (const [from, to] of [
    [x, y],
    [y, x],
  ] as const) {
    const id = await from.evaluate(() => window.__atriumMedia!.identity)
    await to.waitForFunction((who) => (window.__atrium!.media.remote[who]?.level ?? 0) > 0.001, id, {
      timeout: 60_000,
    })
  }
}

/** Signs in on the join screen and enters the branch as that account. */
async function signInAndEnter(page: Page, base: string, loginId: string, password: string): Promise<void> {
  // two software-rendered 3D pages on a small shared machine: give every action room
  page.setDefaultTimeout(90_000)
  await enterSignedIn(page, base, { loginId, password })
}

describe('a customer meets a live advisor', () => {
  it(
    'host hand-off → console with context → accept → suite: hear each other, edit the shared plan → summary → complaint',
    { timeout: 540_000 },
    async () => {
      const base = inject('baseUrl')
      const advisorAccount = inject('demoAccounts').advisor
      if (!advisorAccount) throw new Error('the e2e server printed no advisor demo account')
      // a fresh customer, so other browser tests cannot have touched their queue place or inbox
      const loginId = `journey.${randomBytes(4).toString('hex')}@example.com`
      const password = `pw-${randomBytes(8).toString('hex')}`
      const name = `Journey ${randomBytes(2).toString('hex')}`
      const reg = await fetch(new URL('/api/auth/register', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: name, loginId, password, lang: 'en' }),
      })
      expect(reg.status).toBe(201)

      const customer = await openPage(browser)
      const advisor = await openPage(browser, { width: 1440, height: 900 })
      // one after the other: two pages loading the 3D branch at once starve a small machine's main threads
      await signInAndEnter(customer.page, base, loginId, password)
      await signInAndEnter(advisor.page, base, advisorAccount.loginId, advisorAccount.password)
      step('both in the branch')
      const c = customer.page
      const a = advisor.page

      // the customer asks the digital host for a person; the hand-off enters the advisor queue
      await c.click('#hud-host')
      await c.fill('#host-input', 'I would like to talk to a human advisor')
      await c.click('#host-send')
      await c.locator('#host-panel .close').click()
      await c.click('#hud-advisor')
      await expect
        .poll(() => c.locator('#advisor-position').textContent(), { timeout: 60_000 })
        .toMatch(/You are number \d+ in line/)

      step('queued')
      // the console lists the request with its source; accepting shows the hand-off conversation as context
      await a.click('#hud-advisor')
      const entry = a.locator('#console-queue-panel li', { hasText: name })
      await expect.poll(() => entry.count(), { timeout: 60_000 }).toBe(1)
      // the advisor's console speaks the advisor's language (the demo advisor's is Chinese): check structure, not words
      expect(await entry.getAttribute('data-source')).toBe('host')
      await entry.locator('button.accept').click()
      const context = a.locator('#console-context')
      await expect.poll(() => context.textContent(), { timeout: 60_000 }).toContain('talk to a human advisor')
      const reference = (await a.locator('#console-session-panel').getAttribute('data-reference')) ?? ''
      expect(reference).toMatch(/^H-[A-Z2-9]{8}$/)

      step('accepted')
      // both are guided into the private suite and see each other there
      await a.locator('#console-session-panel button.suite-enter').click()
      await c.getByRole('button', { name: 'Go to the advisory suite' }).click({ timeout: 60_000 })
      for (const p of [a, c]) {
        await expect.poll(() => p.locator('#advisor-suite-status').count(), { timeout: 60_000 }).toBe(1)
        await expect.poll(() => p.locator('#advisor-suite li', { hasText: '●' }).count(), { timeout: 60_000 }).toBe(2)
      }
      if (inject('media')) {
        // voice and video move to the suite's LiveKit room on both sides, and each hears the other's microphone
        for (const p of [a, c]) {
          await p.waitForFunction((room) => window.__atriumMedia?.roomName === room, `suite-${reference}`, {
            timeout: 30_000,
          })
        }
        await hearEachOther(c, a)
        step('heard each other')
      }

      // the shared plan on the table, in the planner: the customer edits, the advisor proposes, the customer accepts
      for (const p of [a, c]) {
        await press(p, '#advisor-suite .suite-open-plan')
        await expect.poll(() => p.locator('#sandbox-members li').count(), { timeout: 60_000 }).toBe(2)
      }
      await press(c, '[data-preset="conservative"]')
      await expect.poll(async () => Number(await a.locator('#alloc-range-csi300').inputValue()), SLOW).toBe(0)
      await press(a, '[data-preset="growth"]')
      await a.waitForSelector('#sandbox-propose:not([disabled])', SLOW)
      await press(a, '#sandbox-propose')
      await c.waitForSelector('#sandbox-proposals li[data-proposal] button.accept:not([disabled])', SLOW)
      await press(c, '#sandbox-proposals li[data-proposal] button.accept')
      await expect
        .poll(async () => Number(await c.locator('#alloc-range-csi300').inputValue()), SLOW)
        .toBeGreaterThan(0)
      await expect.poll(() => sliders(a), SLOW).toEqual(await sliders(c))
      for (const p of [a, c]) await press(p, '#sandbox-panel .close')

      step('in the suite')
      // the advisor ends with a summary; the suite closes and the summary reaches the customer's inbox
      await a.fill('#console-summary textarea >> nth=0', 'Retirement savings and a bond fund')
      await a.fill('#console-summary textarea >> nth=1', 'Read the bond fund factsheet')
      await a.click('#console-summary button[type="submit"]')
      await expect.poll(() => c.locator('#advisor-suite-status').count(), { timeout: 60_000 }).toBe(0)
      await c.getByRole('tab', { name: 'Inbox' }).click()
      const summary = c.locator('#advisor-inbox article')
      await expect
        .poll(() => summary.textContent(), { timeout: 60_000 })
        .toContain('Retirement savings and a bond fund')
      expect(await summary.textContent()).toContain('Read the bond fund factsheet')
      // next steps and the disclosures shown (in the advisor's words and language)
      expect(await summary.locator('ul').count()).toBe(2)

      step('summary received')
      // a complaint from the summary: a reference and the 24-hour deadline, then tracked in the complaints tab
      await summary.getByRole('button', { name: 'Raise a complaint' }).click()
      await summary.locator('textarea').fill('The advisor did not explain the fees')
      await summary.getByRole('button', { name: 'Submit complaint' }).click()
      const filed = c.locator('.advisor-complaint-filed')
      await expect
        .poll(() => filed.textContent(), { timeout: 60_000 })
        .toMatch(/Complaint C-[A-Z2-9]{8} recorded\. We will respond by/)
      const complaintRef = /C-[A-Z2-9]{8}/.exec((await filed.textContent()) ?? '')![0]
      await c.getByRole('tab', { name: 'Complaints' }).click()
      const row = c.locator(`#advisor-complaints li[data-reference="${complaintRef}"]`)
      await expect.poll(() => row.textContent(), { timeout: 60_000 }).toContain('Open')
      expect(await row.textContent()).toContain('Response due by')

      for (const p of [customer, advisor]) expect(p.external).toEqual([])
    },
  )
})
