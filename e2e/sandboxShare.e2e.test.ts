import { DEFAULT_QUESTIONNAIRE } from '@atrium/common'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startDemoServer, type DemoServer } from './accountServer.ts'
import { launch, openPage, screenshot, signIn } from './browser.ts'

let browser: Browser
let server: DemoServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launch(), startDemoServer()])
})
afterAll(async () => {
  await browser?.close()
  server?.stop()
})

const t0 = Date.now()
/** Progress lines, so a slow run shows where it spent its time. */
const step = (what: string) => console.log(`[sandboxShare +${Math.round((Date.now() - t0) / 1000)}s] ${what}`)

/** Two branch scenes render in software side by side here: the UI can lag well behind a request. */
const SLOW = { timeout: 30_000 }

function account(role: string) {
  const a = server.accounts.get(role)
  if (!a) throw new Error(`the server printed no ${role} demo account`)
  return a
}

/** Gives the demo customer a C3 risk profile through the API, so the default (balanced, R4) plan needs confirming. */
async function giveProfile(): Promise<void> {
  const { loginId, password } = account('customer')
  const headers = { 'content-type': 'application/json' }
  const login = await fetch(`${server.url}api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ loginId, password }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.options.length - 1]))
  const put = await fetch(`${server.url}api/me/profile`, {
    method: 'PUT',
    headers: { ...headers, authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ answers, goals: '' }),
  })
  expect(put.status).toBe(200)
}

/**
 * Clicks through the DOM: with two branch scenes rendering in software, pointer hit-testing can starve, and what is
 * tested here is the planner, not the pointer.
 */
const press = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).click())

/** Signs in with a demo account, enters the branch and opens the planner. */
async function enterAs(page: Page, role: string): Promise<void> {
  await page.goto(`${server.url}?testhook`)
  await signIn(page, account(role).loginId, account(role).password)
  await page.waitForSelector('#signed-in-name', SLOW)
  await page.click('#enter-branch')
  await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 90_000 })
  await press(page, '#hud-sandbox')
  await page.waitForSelector('#sandbox-share', SLOW)
}

/** Keeps the page's WebSockets reachable (`window.__sockets`), so a test can drop a connection as a network would. */
const recordSockets = (page: Page) =>
  page.addInitScript(() => {
    const Native = window.WebSocket
    const sockets: WebSocket[] = []
    Object.assign(window, { __sockets: sockets })
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        sockets.push(this)
      }
    }
  })

type SocketWindow = { __sockets: WebSocket[]; __mark: number }

/** Marks the sockets open so far; `dropSince` then closes the Atrium ones opened after the mark (not 1000/4000). */
const markSockets = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as SocketWindow
    w.__mark = w.__sockets.length
  })
const dropSince = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as SocketWindow
    const mine = w.__sockets
      .slice(w.__mark)
      .filter((ws) => new URL(ws.url).host === location.host && ws.readyState === WebSocket.OPEN)
    for (const ws of mine) ws.close(3000, 'test: connection lost')
    w.__mark = w.__sockets.length
    return mine.length
  })

/** Every allocation slider's value, by asset class. */
const sliders = (page: Page) =>
  page.$$eval('#sandbox-panel input[type="range"]', (els) =>
    els.map((el) => `${el.id}=${(el as HTMLInputElement).value}`),
  )

describe('shared wealth sandbox', () => {
  it(
    'customer confirms the warning, shares; the advisor proposes, the customer accepts; both project alike',
    { timeout: 540_000 },
    async () => {
      await giveProfile()
      const a = await openPage(browser, { width: 960, height: 900 })
      const b = await openPage(browser, { width: 960, height: 900 })
      await recordSockets(b.page)
      step('customer entering')
      await enterAs(a.page, 'customer')
      step('customer in the planner')

      // the balanced plan (R4) is above the customer's C3: saving waits for the recorded confirmation
      await expect.poll(() => a.page.locator('.sandbox-warning[data-status="mismatch"]').count(), SLOW).toBe(1)
      await a.page.waitForSelector('#sandbox-save-blocked', SLOW)
      await a.page.fill('#sandbox-plan-name', 'Shared test plan')
      expect(await a.page.locator('.sandbox-save button[type="submit"]').isDisabled()).toBe(true)
      expect(await a.page.locator('#sandbox-confirm-submit').isDisabled()).toBe(true)
      await press(a.page, '#sandbox-confirm-check')
      await a.page.waitForSelector('#sandbox-confirm-submit:not([disabled])', SLOW)
      await press(a.page, '#sandbox-confirm-submit')
      await a.page.waitForSelector('#sandbox-confirm-confirmed', SLOW)
      expect(await a.page.locator('.sandbox-save button[type="submit"]').isDisabled()).toBe(false)

      // start a shared session; the advisor joins with the invite code
      await press(a.page, '#sandbox-share-start')
      await a.page.waitForSelector('#sandbox-invite-code', SLOW)
      const code = (await a.page.locator('#sandbox-invite-code').textContent())!.trim()
      expect(code).toMatch(/^[A-Z2-9]{8}$/)
      step('shared; advisor entering')
      await enterAs(b.page, 'advisor')
      step('advisor in the planner')
      await b.page.fill('#sandbox-join-code', code)
      await b.page.waitForSelector('#sandbox-join-submit:not([disabled])', SLOW)
      await markSockets(b.page)
      await press(b.page, '#sandbox-join-submit')
      for (const { page } of [a, b]) await expect.poll(() => page.locator('#sandbox-members li').count(), SLOW).toBe(2)
      await expect.poll(() => sliders(b.page), SLOW).toEqual(await sliders(a.page))

      // the advisor's connection drops: the planner joins the session again by itself (the proposal below needs it)
      expect(await dropSince(b.page)).toBe(1)
      await expect
        .poll(() => b.page.evaluate(() => (window as unknown as SocketWindow).__sockets.length), SLOW)
        .toBeGreaterThan(await b.page.evaluate(() => (window as unknown as SocketWindow).__mark))
      // both see both members connected again
      for (const { page } of [a, b]) {
        await expect.poll(() => page.locator('#sandbox-members li[data-online="yes"]').count(), SLOW).toBe(2)
      }

      step('both in the session')
      // the advisor shapes a conservative plan and proposes it; the customer accepts
      await press(b.page, '[data-preset="conservative"]')
      await b.page.waitForSelector('#sandbox-propose:not([disabled])', SLOW)
      await press(b.page, '#sandbox-propose')
      const proposal = a.page.locator('#sandbox-proposals li[data-proposal]')
      await expect.poll(() => proposal.count(), SLOW).toBe(1)
      await a.page.waitForSelector('#sandbox-proposals li[data-proposal] button.accept:not([disabled])', SLOW)
      await press(a.page, '#sandbox-proposals li[data-proposal] button.accept')
      await expect.poll(async () => Number(await a.page.locator('#alloc-range-csi300').inputValue()), SLOW).toBe(0)
      await expect.poll(() => sliders(b.page), SLOW).toEqual(await sliders(a.page))
      await expect.poll(() => a.page.locator('#sandbox-proposals li').count(), SLOW).toBe(0)

      step('proposal accepted')
      // both run the projection: the same seed, inputs and paths give the same figures on both screens
      for (const { page } of [a, b]) await press(page, '#sandbox-run')
      for (const { page } of [a, b]) await page.waitForSelector('#sandbox-bands tbody tr', { timeout: 90_000 })
      const figures = (page: Page) =>
        page.evaluate(() => [
          document.querySelector('#sandbox-goal')?.textContent,
          document.querySelector('#sandbox-bands')?.textContent,
        ])
      const [fa, fb] = await Promise.all([figures(a.page), figures(b.page)])
      expect(fa[1]?.length).toBeGreaterThan(50)
      expect(fb).toEqual(fa)
      await screenshot(a.page, 'sandbox-share-customer')
      await screenshot(b.page, 'sandbox-share-advisor')

      for (const { external, errors } of [a, b]) {
        expect(external).toEqual([])
        expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([])
      }
      await a.page.context().close()
      await b.page.context().close()
    },
  )
})
