import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { enterBranch, launch, openPage, screenshot } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Sum of the allocation sliders. */
const allocationTotal = (page: Page) =>
  page.$$eval('#sandbox-panel input[type="range"]', (els) =>
    els.reduce((s, el) => s + Number((el as HTMLInputElement).value), 0),
  )

/** The branch renders in software here, so the UI can lag well behind a request. */
const SLOW = { timeout: 20_000 }

describe('the wealth planner panel', () => {
  it('a guest opens it with P, changes an allocation by keyboard and runs a projection', async () => {
    const { page, external, errors } = await openPage(browser, { width: 1280, height: 900 })
    await enterBranch(page, inject('baseUrl'), 'Planner')

    // P opens the planner; guests are asked to sign in to save, and the disclaimer is always there
    await page.keyboard.press('KeyP')
    await page.waitForSelector('#sandbox-panel')
    expect(await page.locator('#sandbox-signin').textContent()).toContain('Sign in to save plans')
    expect(await page.locator('#sandbox-disclaimer').textContent()).toContain(
      'Results are hypothetical, not guaranteed.',
    )
    expect(await page.locator('#sandbox-risk-level').textContent()).toMatch(/Plan risk level: R\d/)
    expect(await allocationTotal(page)).toBe(100)

    // arrows move one class by 1%, PageUp by 5%; the others rebalance so the total stays 100%
    const still = await page.evaluate(() => window.__atrium!.self())
    const range = page.locator('#alloc-range-csi300')
    const before = Number(await range.inputValue())
    await range.focus()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('PageUp')
    await expect.poll(async () => Number(await range.inputValue()), SLOW).toBe(before + 6)
    expect(await allocationTotal(page)).toBe(100)
    expect(await page.locator('#sandbox-total').textContent()).toBe('Total: 100%')
    await page.keyboard.press('PageDown')
    await expect.poll(async () => Number(await range.inputValue()), SLOW).toBe(before + 1)
    expect(await allocationTotal(page)).toBe(100)
    const after = await page.evaluate(() => window.__atrium!.self())
    expect([after.x, after.z]).toEqual([still.x, still.z])

    // a small run: the progress bar shows while it runs, then the fan chart and the table of bands
    await page.selectOption('#sandbox-paths', '500')
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        if (!document.getElementById('sandbox-progress')) return
        document.body.dataset.sawProgress = 'yes'
        seen.disconnect()
      })
      seen.observe(document.body, { childList: true, subtree: true })
    })
    await page.click('#sandbox-run')
    await page.waitForSelector('#sandbox-bands tbody tr', { timeout: 60_000 })
    expect(await page.evaluate(() => document.body.dataset.sawProgress)).toBe('yes')
    expect(await page.locator('#sandbox-progress').count()).toBe(0)

    // 10 years: year 0 … 10, seven percentile columns, amounts in the UI language
    expect(await page.locator('#sandbox-bands tbody tr').count()).toBe(11)
    expect(await page.locator('#sandbox-bands thead th').count()).toBe(8)
    expect(await page.locator('#sandbox-bands tbody tr').first().locator('td').first().textContent()).toMatch(/^CN¥/)
    expect(await page.locator('#sandbox-goal').textContent()).toMatch(/Probability .* \d+(\.\d)?%$/)
    expect(await page.locator('.fan-chart title').textContent()).toBe("Projected wealth in today's money")
    expect(await page.locator('.fan-chart polygon').count()).toBe(3)
    expect(await page.locator('#sandbox-disclaimer').textContent()).toContain(
      'Results are hypothetical, not guaranteed.',
    )
    expect(await page.locator('#sandbox-disclaimer').textContent()).toContain('500 paths')
    await screenshot(page, 'sandbox-panel')

    // Escape (outside a field) closes it; the HUD button opens it again with the plan kept
    await page.locator('#sandbox-heading').focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('#sandbox-panel').count(), SLOW).toBe(0)
    await page.click('#hud-sandbox')
    await expect.poll(async () => Number(await page.locator('#alloc-range-csi300').inputValue()), SLOW).toBe(before + 1)

    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
  it('a customer saves two plans, compares them, loads one and deletes one', async () => {
    const base = inject('baseUrl')
    const { page, external, errors } = await openPage(browser, { width: 1280, height: 900 })
    await page.goto(`${base}?testhook`)
    await page.click('#entry-tab-register')
    await page.fill('#register-name', 'Saver')
    await page.fill('#register-login', `plans-${Date.now()}@example.com`)
    await page.fill('#register-password', 'a long enough passphrase')
    await page.click('#register-submit')
    await expect.poll(() => page.locator('#signed-in-name').textContent(), SLOW).toBe('Signed in as Saver')
    await page.click('#enter-branch')
    await page.waitForFunction(() => window.__atrium?.ready === true, undefined, { timeout: 60_000 })

    await page.click('#hud-sandbox')
    await page.waitForSelector('#sandbox-plan-name')
    // without a risk profile the suitability check asks for the questionnaire
    await expect.poll(() => page.locator('.sandbox-risk').textContent(), SLOW).toContain('questionnaire')
    const save = async (preset: string, name: string) => {
      await page.click(`[data-preset="${preset}"]`)
      await page.fill('#sandbox-plan-name', name)
      await page.click('.sandbox-save button[type="submit"]')
      await expect
        .poll(() => page.locator('.sandbox-plan-list li').allTextContents(), SLOW)
        .toContainEqual(expect.stringContaining(name))
    }
    await save('conservative', 'Safe')
    await save('growth', 'Bold')

    // tick both: the key figures side by side
    await page.locator('.sandbox-plan-list input[type="checkbox"]').nth(0).check()
    await page.locator('.sandbox-plan-list input[type="checkbox"]').nth(1).check()
    const compare = page.locator('#sandbox-compare')
    await expect
      .poll(() => compare.locator('thead th').allTextContents(), SLOW)
      .toEqual(expect.arrayContaining(['Safe', 'Bold']))
    const risks = await compare.locator('tbody tr', { hasText: 'Risk level' }).locator('td').allTextContents()
    expect(risks.sort()).toEqual(['R2 Medium-low', 'R4 Medium-high'])

    // loading the conservative plan brings its allocation back; deleting one leaves the other
    await page.click('button[aria-label="Load Safe"]')
    await expect.poll(async () => Number(await page.locator('#alloc-range-csi300').inputValue()), SLOW).toBe(0)
    await expect.poll(() => page.locator('#sandbox-risk-level').textContent(), SLOW).toContain('R2')
    await page.click('button[aria-label="Delete Bold"]')
    await expect.poll(() => page.locator('.sandbox-plan-list li').count(), SLOW).toBe(1)
    await expect.poll(() => page.locator('#sandbox-compare').count(), SLOW).toBe(0)

    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
