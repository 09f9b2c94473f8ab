import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startDemoServer, type DemoServer } from './accountServer.ts'
import { launch, openPage, signIn } from './browser.ts'

let browser: Browser
let server: DemoServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launch(), startDemoServer()])
})
afterAll(async () => {
  await browser?.close()
  server?.stop()
})

function account(role: string) {
  const a = server.accounts.get(role)
  if (!a) throw new Error(`the server printed no ${role} demo account`)
  return a
}

/** Responses the browser logs as console errors on purpose (a refused sign-in). */
const expectedHttpErrors = (errors: string[]) => errors.filter((e) => !/status of 40[13]/.test(e))

describe('staff tools', () => {
  it('admin manages users; compliance reads and verifies the audit trail; errors are explained', async () => {
    const { page, external, errors } = await openPage(browser)
    const alert = page.locator('#entry-panel [role="alert"]')
    await page.goto(server.url)

    // a wrong password gets a clear message; the demo hint shows in development
    await page.click('#entry-tab-signIn')
    await expect.poll(() => page.locator('.hint-box').count()).toBe(1)
    await signIn(page, account('admin').loginId, 'not the password')
    await expect.poll(() => alert.textContent()).toBe('The email, mobile number or password is incorrect.')
    await page.fill('#signin-login', 'not a login')
    await page.click('#signin-submit')
    await expect.poll(() => page.locator('#signin-login-error').textContent()).toContain('email address or a mobile')
    expect(await page.getAttribute('#signin-login', 'aria-invalid')).toBe('true')

    // admin: list, search, create staff, disable the customer, end their sessions
    await signIn(page, account('admin').loginId, account('admin').password)
    await page.click('#open-account')
    const rows = page.locator('.admin-users tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5)
    await page.fill('#users-q', 'customer@')
    await page.keyboard.press('Enter')
    await expect.poll(() => rows.count()).toBe(1)
    const customerRow = page.locator('.admin-users tbody tr', { hasText: account('customer').loginId })
    await customerRow.getByRole('button', { name: 'Disable' }).click()
    await expect.poll(() => customerRow.locator('td').nth(4).textContent()).toBe('Disabled')
    await customerRow.getByRole('button', { name: 'End sessions' }).click()
    await expect.poll(() => page.locator('.admin-users [role="status"]').textContent()).toMatch(/^Ended \d+ session/)

    await page.fill('#staff-name', 'New Advisor')
    await page.fill('#staff-login', 'new.advisor@example.com')
    await page.fill('#staff-password', 'a long enough passphrase')
    await page.click('.staff-create button[type="submit"]')
    await expect
      .poll(() => page.locator('.admin-users [role="status"]').textContent())
      .toBe('Created the account of New Advisor.')
    await page.click('#account-sign-out')

    // compliance: filtered trail and chain verification
    await signIn(page, account('compliance').loginId, account('compliance').password)
    await page.click('#open-account')
    const entries = page.locator('.audit tbody tr')
    await expect.poll(() => entries.count()).toBeGreaterThan(3)
    await page.selectOption('#audit-action', 'account.disabled')
    await page.click('.audit-filters button[type="submit"]')
    await expect.poll(() => entries.count()).toBe(1)
    expect(await entries.first().textContent()).toContain('Account disabled')
    await page.click('#audit-verify')
    await expect.poll(() => page.locator('.audit-verify [role="status"]').getAttribute('data-ok')).toBe('true')
    await page.keyboard.press('Escape')
    await page.click('#sign-out')

    // the disabled customer is told why they cannot sign in
    await signIn(page, account('customer').loginId, account('customer').password)
    await expect.poll(() => alert.textContent()).toBe('This account has been disabled. Please contact the branch.')

    expect(external).toEqual([])
    expect(expectedHttpErrors(errors)).toEqual([])
    await page.context().close()
  })
})
