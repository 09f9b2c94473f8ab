import { readFile } from 'node:fs/promises'

import { CONSENT_TEXTS } from '@atrium/common'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launch, openPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

// markup that would run script if it were ever parsed as HTML (kept within the 32-character name limit)
const HOSTILE_NAME = '<img src=x onerror=__xss=1>'

describe('a customer account', () => {
  it('registers, consents, survives a reload, exports, joins with a hostile name shown as text, signs out', async () => {
    const base = inject('baseUrl')
    const { page, external, errors } = await openPage(browser)
    const loginId = `e2e-${Date.now()}@example.com`
    const consent = page.locator('[data-purpose="share_with_advisor"]')

    // register on the join screen
    await page.goto(`${base}?testhook`)
    await page.click('#entry-tab-register')
    await page.fill('#register-name', HOSTILE_NAME)
    await page.fill('#register-login', loginId)
    await page.fill('#register-password', 'a long enough passphrase')
    await page.click('#register-submit')
    await expect.poll(() => page.locator('#signed-in-name').textContent()).toBe(`Signed in as ${HOSTILE_NAME}`)

    // grant one consent; the text on screen is the one from common
    await page.click('#open-account')
    await expect.poll(() => consent.getAttribute('data-status')).toBe('none')
    expect(await page.locator('#consent-share_with_advisor-text').textContent()).toBe(
      CONSENT_TEXTS.share_with_advisor.en,
    )
    await page.click('#consent-share_with_advisor')
    await expect.poll(() => consent.getAttribute('data-status')).toBe('granted')
    await expect.poll(() => page.locator('[data-purpose="marketing"]').getAttribute('data-status')).toBe('none')

    // a reload restores the session from the refresh cookie, consent included
    await page.reload()
    await expect.poll(() => page.locator('#signed-in-name').textContent()).toBe(`Signed in as ${HOSTILE_NAME}`)
    expect(await page.evaluate(() => JSON.stringify(localStorage) + document.cookie)).not.toMatch(/eyJ/)
    await page.click('#open-account')
    await expect.poll(() => consent.getAttribute('data-status')).toBe('granted')
    // the reload refreshed the same sign-in rather than starting another
    await expect.poll(() => page.locator('[data-session]').allTextContents()).toHaveLength(1)
    expect(await page.locator('[data-session]').textContent()).toContain('This device')

    // export: a JSON file download holding the account
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-data')])
    expect(download.suggestedFilename()).toBe('atrium-my-data.json')
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { account: Record<string, unknown> }
    expect(JSON.stringify(exported.account)).toContain(loginId)

    // Escape closes the dialog; enter the branch as the account
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog.account').getAttribute('open')).toBeNull()
    await page.click('#enter-branch')
    await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })
    await expect.poll(() => page.locator('.people li .name').allTextContents()).toContain(HOSTILE_NAME)
    expect(await page.locator('.people img, .hud img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()

    // the HUD opens the account panel (button or U); signing out returns to the join screen
    await page.keyboard.press('KeyU')
    await page.click('#account-sign-out')
    await page.waitForSelector('#entry-tab-guest', { timeout: 20_000 })
    await page.reload()
    await page.waitForSelector('#entry-tab-guest')
    expect(await page.locator('#signed-in-name').count()).toBe(0)

    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
