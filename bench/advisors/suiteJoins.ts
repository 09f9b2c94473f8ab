/**
 * The advisors benchmark's browser figure: the time from "advisor accepts" to both parties hearing each other in the
 * suite, on loopback. Two full app pages (headless Chromium, fake microphones): a registered customer and the demo
 * advisor, both unmuted. Each round the customer asks for an advisor in the panel; the advisor accepts in the console;
 * both go into the suite the moment their button appears (the customer's appears when the server's notice arrives);
 * the round ends when each page hears the other. The bench clicks at once, so human reaction time is not included.
 * The advisor then ends the session with a summary and the next round starts. Both pages are 800×600: on a machine
 * without a GPU every page is drawn in software, and larger ones slow everything else on it, media included.
 */
import { randomBytes } from 'node:crypto'

import type { Browser, Page } from 'playwright-core'

import { enterSignedIn, openPage } from '../../e2e/browser.ts'
import type { Account } from '../appServer.ts'
// window.__atrium and window.__atriumMedia, installed with ?testhook
import type {} from '../../client/src/media/mediaTestHookTypes.ts'

/** One round, in milliseconds after the accept click. */
export interface SuiteJoin {
  /** Both pages hear the other. */
  total: number
  /** Both clicked their way in (the customer's button shows when the server's notice arrives). */
  clicked: number
  /** Both pages are connected to the suite's media room. */
  inMediaRoom: number
  customerHears: number
  advisorHears: number
}

const SILENCE = 0.001
const SLOW = { timeout: 60_000 }

async function register(base: string): Promise<Account> {
  const account = {
    loginId: `bench.${randomBytes(4).toString('hex')}@example.com`,
    password: randomBytes(9).toString('hex'),
  }
  const res = await fetch(new URL('/api/auth/register', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Bench Customer', ...account, lang: 'en' }),
  })
  if (res.status !== 201) throw new Error(`register: HTTP ${res.status}`)
  return account
}

/** Resolves with the wall-clock time this page first hears `other` (a level above silence). */
const hears = (page: Page, other: string) =>
  page.evaluate(
    ([id, min]) =>
      new Promise<number>((resolve, reject) => {
        const t0 = Date.now()
        const timer = setInterval(() => {
          if ((window.__atrium!.media.remote[id as string]?.level ?? 0) > (min as number)) {
            clearInterval(timer)
            resolve(Date.now())
          } else if (Date.now() - t0 > 60_000) {
            clearInterval(timer)
            reject(new Error('nobody heard within 60 s'))
          }
        }, 10)
      }),
    [other, SILENCE] as const,
  )

const identity = (page: Page) => page.evaluate(() => window.__atriumMedia!.identity)

/**
 * Clicks the first `selector` match (containing `text`, and then its `inner` element, when given) as soon as it is
 * on the page; resolves with the wall-clock time of the click.
 */
const clickWhenShown = (page: Page, selector: string, text = '', inner = '') =>
  page.evaluate(
    ([sel, txt, sub]) =>
      new Promise<number>((resolve, reject) => {
        const t0 = Date.now()
        const timer = setInterval(() => {
          const match = [...document.querySelectorAll(sel)].find((e) => e.textContent?.includes(txt))
          const el = sub ? match?.querySelector(sub) : match
          if (el instanceof HTMLElement) {
            clearInterval(timer)
            const at = Date.now()
            el.click()
            resolve(at)
          } else if (Date.now() - t0 > 60_000) {
            clearInterval(timer)
            reject(new Error(`${sel} ${txt} ${sub} never shown`))
          }
        }, 5)
      }),
    [selector, text, inner] as const,
  )

const openPanel = async (page: Page) => {
  if ((await page.getAttribute('#hud-advisor', 'aria-expanded')) !== 'true') await page.click('#hud-advisor')
}

/** Unmutes once the microphone is open (a click before that finds nothing to unmute, so it is retried). */
const unmute = async (page: Page) => {
  await page.waitForFunction(() => window.__atriumMedia?.connected === true, undefined, SLOW)
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await page.evaluate(() => window.__atrium!.media.micEnabled)) return
    await page.$eval('#mic-toggle', (el) => (el as HTMLElement).click())
    const on = await page
      .waitForFunction(() => window.__atrium!.media.micEnabled, undefined, { timeout: 3000 })
      .then(
        () => true,
        () => false,
      )
    if (on) return
  }
  throw new Error('the microphone did not come on')
}

/** Runs `rounds` accept → hear-each-other rounds; the advisor is the demo advisor account. */
export async function timeSuiteJoins(
  browser: Browser,
  base: string,
  advisorAccount: Account,
  rounds: number,
  log: (line: string) => void,
): Promise<SuiteJoin[]> {
  const customer = (await openPage(browser)).page
  const advisor = (await openPage(browser)).page
  for (const p of [customer, advisor]) p.setDefaultTimeout(60_000)
  await enterSignedIn(customer, base, await register(base))
  await enterSignedIn(advisor, base, advisorAccount)
  await openPanel(advisor)
  // both talk from the start (the microphone stays on across media rooms), so no round waits for a click on it
  for (const p of [customer, advisor]) await unmute(p)
  const out: SuiteJoin[] = []
  for (let i = 0; i < rounds; i++) {
    await openPanel(customer)
    await customer.click('#advisor-talk > button')
    await customer.waitForSelector('#advisor-position', SLOW)
    await advisor.locator('#console-queue-panel li', { hasText: 'Bench Customer' }).waitFor(SLOW)
    // clicks are dispatched in the pages (an instant user): Playwright's own click waits for the element to hold
    // still over animation frames, which would add its own delay to every step
    const t0 = await clickWhenShown(advisor, '#console-queue-panel li', 'Bench Customer', 'button.accept')
    await Promise.all([
      clickWhenShown(advisor, '#console-session-panel button.suite-enter'),
      clickWhenShown(customer, '#advisor-suite button.suite-enter'),
    ])
    const clicked = Date.now() - t0
    await Promise.all(
      [customer, advisor].map((p) =>
        p.waitForFunction(
          () =>
            window.__atriumMedia?.connected === true && window.__atriumMedia.roomName?.startsWith('suite-') === true,
          undefined,
          { polling: 10, ...SLOW },
        ),
      ),
    )
    const inMediaRoom = Date.now() - t0
    // the microphone comes on by itself: it was on when they left the atrium
    for (const p of [customer, advisor]) {
      await p.waitForFunction(() => window.__atrium!.media.micEnabled, undefined, { polling: 10, ...SLOW })
    }
    const [c, a] = await Promise.all([identity(customer), identity(advisor)])
    const [customerAt, advisorAt] = await Promise.all([hears(customer, a), hears(advisor, c)])
    const round = {
      total: Math.max(customerAt, advisorAt) - t0,
      clicked,
      inMediaRoom,
      customerHears: customerAt - t0,
      advisorHears: advisorAt - t0,
    }
    out.push(round)
    log(
      `accept → both hear ${i + 1}/${rounds}: ${round.total} ms ` +
        `(both clicked in ${round.clicked}, both in the media room ${round.inMediaRoom}, ` +
        `customer hears ${round.customerHears}, advisor hears ${round.advisorHears})`,
    )
    // the advisor ends with a summary; both go back to the atrium
    await advisor.fill('#console-summary textarea >> nth=0', 'Benchmark round')
    await advisor.click('#console-summary button[type="submit"]')
    await customer.waitForSelector('#advisor-suite-status', { state: 'detached', ...SLOW })
  }
  await customer.context().close()
  await advisor.context().close()
  return out
}
