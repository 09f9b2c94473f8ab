import { describe, expect, it } from 'vitest'

import { DEFAULT_PRODUCTS as catalogue, PRODUCT_RISKS, type Product } from '../../src/finance/products.ts'
import { RISK_CATEGORIES, type RiskAssessment, type RiskCategory } from '../../src/finance/questionnaire.ts'
import {
  checkPlanSuitability,
  checkProductSuitability,
  confirmMismatch,
  isEligible,
  MATCHING_TABLE,
  maxEligibleRisk,
  mayProceed,
  MismatchConfirmationSchema,
} from '../../src/finance/suitability.ts'

const NOW = '2025-06-01T12:00:00.000Z'

function assessment(category: RiskCategory, assessedAt = '2025-01-15T08:00:00.000Z'): RiskAssessment {
  const expires = new Date(assessedAt)
  expires.setUTCFullYear(expires.getUTCFullYear() + 1)
  return {
    questionnaireId: 'atrium-risk-2025',
    questionnaireVersion: 1,
    answers: {},
    score: 50,
    maxScore: 100,
    scoreCategory: category,
    category,
    caps: [],
    assessedAt,
    expiresAt: expires.toISOString(),
  }
}

const productOf = (risk: string): Product => catalogue.products.find((p) => p.risk === risk)!

// finance.md §5 matching table: Cn may buy R1..Rn
const TABLE: Record<RiskCategory, Record<string, boolean>> = {
  C1: { R1: true, R2: false, R3: false, R4: false, R5: false },
  C2: { R1: true, R2: true, R3: false, R4: false, R5: false },
  C3: { R1: true, R2: true, R3: true, R4: false, R5: false },
  C4: { R1: true, R2: true, R3: true, R4: true, R5: false },
  C5: { R1: true, R2: true, R3: true, R4: true, R5: true },
}

describe('suitability matching', () => {
  const cells = RISK_CATEGORIES.flatMap((c) => PRODUCT_RISKS.map((r) => [c, r, TABLE[c][r]!] as const))

  it.each(cells)('%s buying %s: eligible = %s', (category, risk, eligible) => {
    expect(isEligible(category, risk)).toBe(eligible)
    expect(MATCHING_TABLE[risk].includes(category)).toBe(eligible)
    const check = checkProductSuitability(assessment(category), productOf(risk), NOW)
    expect(check.status).toBe(eligible ? 'suitable' : 'mismatch')
    expect(check.requiresConfirmation).toBe(!eligible)
    expect(check.blocked).toBe(false)
    expect(mayProceed(check)).toBe(eligible)
    if (!eligible) {
      expect(check.warning!['zh-CN']).toContain(`风险等级为 ${risk}`)
      expect(check.warning!.en).toContain(`rated ${risk}, above your risk category ${category}`)
    }
  })

  it('has a product for every risk level', () => {
    for (const r of PRODUCT_RISKS) expect(productOf(r)).toBeDefined()
    expect(maxEligibleRisk('C3')).toBe('R3')
  })

  it('lets a mismatch proceed only with a recorded confirmation of that very check', () => {
    const check = checkProductSuitability(assessment('C2'), productOf('R4'), NOW)
    const record = confirmMismatch(check, { customerId: 'cust-7f3a', disclosureShownId: 'disc-r4-v1', at: NOW })
    expect(MismatchConfirmationSchema.parse(record)).toEqual(record)
    expect(record).toMatchObject({
      ts: NOW,
      actor: 'cust-7f3a',
      role: 'customer',
      action: 'suitability.mismatch.confirmed',
      riskCategory: 'C2',
      productRisk: 'R4',
      productIds: [productOf('R4').id],
    })
    expect(mayProceed(check, record)).toBe(true)
    const other = checkProductSuitability(assessment('C2'), productOf('R5'), NOW)
    expect(mayProceed(other, record)).toBe(false)
    const suitable = checkProductSuitability(assessment('C5'), productOf('R5'), NOW)
    expect(() => confirmMismatch(suitable, { customerId: 'c', disclosureShownId: 'd' })).toThrow(/nothing to confirm/)
  })

  it('blocks every R-rated product and plan while the questionnaire is expired, until renewed', () => {
    const old = assessment('C5', '2024-05-31T12:00:00.000Z')
    for (const r of PRODUCT_RISKS) {
      const check = checkProductSuitability(old, productOf(r), NOW)
      expect(check).toMatchObject({ status: 'expired', blocked: true, requiresConfirmation: false })
      expect(check.warning!.en).toMatch(/expired on 2025-05-31/)
      expect(mayProceed(check)).toBe(false)
      expect(() => confirmMismatch(check, { customerId: 'c', disclosureShownId: 'd' })).toThrow(/"expired"/)
    }
    const holdings = [{ productId: productOf('R1').id, weight: 1 }]
    expect(checkPlanSuitability(old, holdings, catalogue, NOW).blocked).toBe(true)
    const renewed = assessment('C5', '2025-05-31T13:00:00.000Z')
    expect(checkPlanSuitability(renewed, holdings, catalogue, NOW).status).toBe('suitable')
  })

  it('blocks everything without an assessment', () => {
    const check = checkProductSuitability(undefined, productOf('R1'), NOW)
    expect(check).toMatchObject({ status: 'missing', blocked: true })
    expect(check.warning!['zh-CN']).toMatch(/尚未完成/)
  })

  it('rates a whole plan by its riskiest product and names every product above the category', () => {
    const holdings = [
      { productId: productOf('R1').id, weight: 0.3 },
      { productId: productOf('R2').id, weight: 0.3 },
      { productId: productOf('R4').id, weight: 0.2 },
      { productId: productOf('R5').id, weight: 0.2 },
    ]
    const check = checkPlanSuitability(assessment('C3'), holdings, catalogue, NOW)
    expect(check.status).toBe('mismatch')
    expect(check.risk).toBe('R5')
    expect(check.productIds).toEqual([productOf('R4').id, productOf('R5').id])
    expect(check.products.map((p) => p.status)).toEqual(['suitable', 'suitable', 'mismatch', 'mismatch'])
    expect(check.warning!.en).toContain(productOf('R4').name.en)
    const record = confirmMismatch(check, { customerId: 'c1', disclosureShownId: 'plan-disc', at: NOW })
    expect(mayProceed(check, record)).toBe(true)
    expect(checkPlanSuitability(assessment('C5'), holdings, catalogue, NOW).status).toBe('suitable')
  })
})
