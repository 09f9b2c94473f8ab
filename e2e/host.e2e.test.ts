import { zoneAt } from '@atrium/common'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { startDemoServer, type DemoServer } from './accountServer.ts'
import { enterBranch, launch, openPage, screenshot } from './browser.ts'

let browser: Browser
let demo: DemoServer | undefined

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  demo?.stop()
})

const zoneOf = async (page: Page) => {
  const p = await page.evaluate(() => window.__atrium!.self())
  return zoneAt(p.x, p.z)
}
const lastHostLine = (page: Page) => page.locator('#host-panel .host-line[data-from="host"]').last()

/** Types a question into the open host panel and waits for the host's reply to it. */
async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator('#host-panel .host-line[data-from="host"]').count()
  await page.fill('#host-input', question)
  await page.keyboard.press('Enter')
  await expect.poll(() => page.locator('#host-panel .host-line[data-from="host"]').count()).toBe(before + 1)
}

describe('the digital host', () => {
  it('a guest walks up, is offered the host, asks the way and is taken to the auditorium', async () => {
    const { page, external, errors } = await openPage(browser)
    await enterBranch(page, inject('baseUrl'), 'Asker')

    // walking up to the reception desk offers the host without opening anything
    // (software rendering walks slowly, so the walk gets a generous limit)
    await page.keyboard.down('KeyW')
    await page.waitForSelector('#host-prompt', { timeout: 60_000 })
    await page.keyboard.up('KeyW')
    expect(await page.locator('#host-prompt').textContent()).toContain('Press H to talk to the host')
    expect(await page.locator('#host-panel').count()).toBe(0)

    // H opens the panel with the question field focused; typing there never walks the avatar
    await page.keyboard.press('KeyH')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('host-input')
    const still = await page.evaluate(() => window.__atrium!.self())
    await page.keyboard.type('wasd h')
    await page.waitForTimeout(300)
    const after = await page.evaluate(() => window.__atrium!.self())
    expect([after.x, after.z]).toEqual([still.x, still.z])
    expect(await page.inputValue('#host-input')).toBe('wasd h')

    await ask(page, 'how do I get to the auditorium')
    // the reply is announced to screen readers and shown as a subtitle while it is spoken
    const replyText = await lastHostLine(page).locator('.text').textContent()
    expect(replyText?.length).toBeGreaterThan(0)
    expect(await page.locator('#host-live').textContent()).toBe(replyText)
    expect(await page.locator('.host-subtitle').textContent()).toBe(replyText)
    expect(await lastHostLine(page).getAttribute('data-kind')).toBe('navigate')
    expect(await lastHostLine(page).locator('[data-note="travel"]').textContent()).toContain(
      'Investor-education auditorium',
    )
    await expect.poll(() => zoneOf(page), { timeout: 10_000 }).toBe('auditorium')
    await expect.poll(() => page.locator('[data-zone="auditorium"]').getAttribute('aria-current')).toBe('location')
    await screenshot(page, 'host-panel')

    // Escape closes the panel; the HUD button reopens it with the conversation kept
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('#host-panel').count()).toBe(0)
    await page.click('#hud-host')
    await expect.poll(() => page.locator('#host-panel .host-line[data-from="visitor"]').count()).toBe(1)

    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('a customer asks for an advisor in Chinese, and an advisor sees and takes the request', async () => {
    demo = await startDemoServer()
    const advisor = demo.accounts.get('advisor')
    if (!advisor) throw new Error('the server printed no advisor demo account')

    // a customer registers on the join screen and enters the branch
    const customer = await openPage(browser)
    const page = customer.page
    await page.goto(`${demo.url}?testhook`)
    await page.click('#entry-tab-register')
    await page.fill('#register-name', '王女士')
    await page.fill('#register-login', `host-e2e-${Date.now()}@example.com`)
    await page.fill('#register-password', 'a long enough passphrase')
    await page.click('#register-submit')
    await page.waitForSelector('#signed-in-name')
    await page.click('#enter-branch')
    await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })

    await page.click('#hud-host')
    await ask(page, '我想预约理财顾问')
    const reply = lastHostLine(page)
    expect(await reply.getAttribute('data-kind')).toBe('handoff')
    const reference = await reply.locator('[data-reference]').getAttribute('data-reference')
    expect(reference).toMatch(/^H-[A-Z2-9]{8}$/)
    expect(await reply.textContent()).toContain('An advisor will join you here; they will see this conversation.')

    // the advisor signs in and finds the request, with the conversation, in the staff hand-off list
    const staff = await openPage(browser)
    await staff.page.goto(demo.url)
    await staff.page.click('#entry-tab-signIn')
    await staff.page.fill('#signin-login', advisor.loginId)
    await staff.page.fill('#signin-password', advisor.password)
    await staff.page.click('#signin-submit')
    await staff.page.click('#open-account')
    const card = staff.page.locator(`.handoff[data-reference="${reference}"]`)
    await card.waitFor({ timeout: 20_000 })
    expect(await card.locator('.visitor').textContent()).toBe('王女士')
    await card.locator('summary').click()
    await expect.poll(() => card.locator('.handoff-conversation').textContent()).toContain('我想预约理财顾问')
    await card.locator('button.take').click()
    await expect.poll(() => card.getAttribute('data-status')).toBe('taken')

    for (const p of [customer, staff]) {
      expect(p.external).toEqual([])
      expect(p.errors).toEqual([])
      await p.page.context().close()
    }
  })
})
