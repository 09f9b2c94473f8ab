/**
 * Suitability: matching a product or a whole plan (its product holdings) against the customer's risk category,
 * using the C × R table in finance.md §5 (Cn may buy R1…Rn). Missing or expired assessments block every product
 * until the questionnaire is (re)done; a mismatch shows a warning that needs an explicit confirmation, returned
 * as an audit record (finance.md §5 留痕 and §10) for the caller to store.
 */
import { z } from 'zod'

import {
  isAssessmentValid,
  RISK_CATEGORIES,
  RiskCategorySchema,
  type RiskAssessment,
  type RiskCategory,
} from './questionnaire.ts'
import {
  findProduct,
  PRODUCT_RISKS,
  ProductRiskSchema,
  type Holding,
  type Product,
  type ProductCatalogue,
  type ProductRisk,
} from './products.ts'
import { DataId, FinanceDataError, LocalizedText } from './text.ts'

/**
 * Product risk → eligible customer categories (chinalions.com 2017-06-30 via finance.md §5, with the usual
 * C1 保守 … C5 激进 mapping).
 */
export const MATCHING_TABLE: Readonly<Record<ProductRisk, readonly RiskCategory[]>> = {
  R1: ['C1', 'C2', 'C3', 'C4', 'C5'],
  R2: ['C2', 'C3', 'C4', 'C5'],
  R3: ['C3', 'C4', 'C5'],
  R4: ['C4', 'C5'],
  R5: ['C5'],
}

/** True when a customer of `category` may buy a product rated `risk` without a mismatch warning. */
export function isEligible(category: RiskCategory, risk: ProductRisk): boolean {
  return MATCHING_TABLE[risk].includes(category)
}

/**
 * suitable: no warning. mismatch: risk above the category; allowed only after a recorded confirmation.
 * expired / missing: blocked until the questionnaire is (re)done.
 */
export type SuitabilityStatus = 'suitable' | 'mismatch' | 'expired' | 'missing'

/** Outcome of a suitability check for one product or a plan. */
export interface SuitabilityCheck {
  status: SuitabilityStatus
  /** The customer's category, or null without a valid-format assessment. */
  category: RiskCategory | null
  /** The product's rating, or the highest rating in a plan. */
  risk: ProductRisk
  /** Products above the category (all products when blocked). */
  productIds: string[]
  blocked: boolean
  requiresConfirmation: boolean
  warning: LocalizedText | null
  assessedAt: string | null
}

/** A whole plan: the overall check plus one per holding. */
export interface PlanSuitabilityCheck extends SuitabilityCheck {
  products: (SuitabilityCheck & { productId: string })[]
}

const WARNINGS = {
  missing: {
    'zh-CN': '您尚未完成风险承受能力评估，请先完成问卷后再选择产品。',
    en: 'You have not completed the risk profile questionnaire. Please complete it before choosing products.',
  },
  expired: {
    'zh-CN': '您的风险承受能力评估已于 {date} 过期，请重新评估后再继续。',
    en: 'Your risk profile expired on {date}. Please renew it before continuing.',
  },
  mismatch: {
    'zh-CN':
      '风险不匹配：{products}的风险等级为 {risk}，高于您的风险承受能力等级 {category}。该产品可能不适合您，可能导致超出您承受能力的损失。如您仍坚持购买，请确认您已阅读并理解上述风险提示，您的确认将被记录。',
    en: 'Risk mismatch: {products} is rated {risk}, above your risk category {category}. It may not be suitable for you and could lose more than you can bear. If you still wish to proceed, confirm that you have read and understood this warning; your confirmation will be recorded.',
  },
} as const

function fill(text: LocalizedText, values: Record<string, string>): LocalizedText {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`)
  return { 'zh-CN': sub(text['zh-CN']), en: sub(text.en) }
}

function baseCheck(
  assessment: RiskAssessment | undefined,
  products: readonly Product[],
  now: Date | number | string,
): SuitabilityCheck {
  const risk = products.reduce<ProductRisk>(
    (r, p) => (PRODUCT_RISKS.indexOf(p.risk) > PRODUCT_RISKS.indexOf(r) ? p.risk : r),
    'R1',
  )
  const all = products.map((p) => p.id)
  if (!assessment) {
    return {
      status: 'missing',
      category: null,
      risk,
      productIds: all,
      blocked: true,
      requiresConfirmation: false,
      warning: WARNINGS.missing,
      assessedAt: null,
    }
  }
  const base = { category: assessment.category, risk, assessedAt: assessment.assessedAt }
  if (!isAssessmentValid(assessment, now)) {
    const warning = fill(WARNINGS.expired, { date: assessment.expiresAt.slice(0, 10) })
    return { ...base, status: 'expired', productIds: all, blocked: true, requiresConfirmation: false, warning }
  }
  const above = products.filter((p) => !isEligible(assessment.category, p.risk))
  if (above.length === 0) {
    return { ...base, status: 'suitable', productIds: [], blocked: false, requiresConfirmation: false, warning: null }
  }
  const names = {
    'zh-CN': above.map((p) => `「${p.name['zh-CN']}」`).join('、'),
    en: above.map((p) => `"${p.name.en}"`).join(', '),
  }
  const aboveRisk = above.reduce<ProductRisk>(
    (r, p) => (PRODUCT_RISKS.indexOf(p.risk) > PRODUCT_RISKS.indexOf(r) ? p.risk : r),
    'R1',
  )
  const warning = {
    'zh-CN': fill(WARNINGS.mismatch, { products: names['zh-CN'], risk: aboveRisk, category: assessment.category })[
      'zh-CN'
    ],
    en: fill(WARNINGS.mismatch, { products: names.en, risk: aboveRisk, category: assessment.category }).en,
  }
  return {
    ...base,
    status: 'mismatch',
    productIds: above.map((p) => p.id),
    blocked: false,
    requiresConfirmation: true,
    warning,
  }
}

/** Suitability of one product for the customer at time `now`. */
export function checkProductSuitability(
  assessment: RiskAssessment | undefined,
  product: Product,
  now: Date | number | string = Date.now(),
): SuitabilityCheck {
  return baseCheck(assessment, [product], now)
}

/** Suitability of a whole plan: its risk is the highest product rating; every product above the category is named. */
export function checkPlanSuitability(
  assessment: RiskAssessment | undefined,
  holdings: readonly Holding[],
  catalogue: ProductCatalogue,
  now: Date | number | string = Date.now(),
): PlanSuitabilityCheck {
  if (holdings.length === 0) throw new FinanceDataError('a plan needs at least one holding')
  const products = holdings.map((h) => findProduct(catalogue, h.productId))
  return {
    ...baseCheck(assessment, products, now),
    products: products.map((p) => ({ productId: p.id, ...baseCheck(assessment, [p], now) })),
  }
}

/** The audit record of a confirmed mismatch (finance.md §10 fields). Store it append-only. */
export const MismatchConfirmationSchema = z.strictObject({
  ts: z.iso.datetime(),
  actor: z.string().min(1),
  role: z.literal('customer'),
  customerId: z.string().min(1),
  action: z.literal('suitability.mismatch.confirmed'),
  riskCategory: RiskCategorySchema,
  productRisk: ProductRiskSchema,
  productIds: z.array(DataId).min(1),
  disclosureShownId: z.string().min(1),
  warning: LocalizedText,
  assessedAt: z.iso.datetime(),
})
export type MismatchConfirmation = z.infer<typeof MismatchConfirmationSchema>

/**
 * Records the customer's explicit confirmation of a mismatch warning. Throws when the check needs no
 * confirmation (suitable) or cannot be confirmed (blocked: missing or expired assessment).
 */
export function confirmMismatch(
  check: SuitabilityCheck,
  input: { customerId: string; disclosureShownId: string; actor?: string; at?: Date | number | string },
): MismatchConfirmation {
  if (check.status !== 'mismatch' || !check.category || !check.assessedAt || !check.warning) {
    throw new FinanceDataError(`nothing to confirm: suitability status is "${check.status}"`)
  }
  return MismatchConfirmationSchema.parse({
    ts: new Date(input.at ?? Date.now()).toISOString(),
    actor: input.actor ?? input.customerId,
    role: 'customer',
    customerId: input.customerId,
    action: 'suitability.mismatch.confirmed',
    riskCategory: check.category,
    productRisk: check.risk,
    productIds: [...check.productIds].sort(),
    disclosureShownId: input.disclosureShownId,
    warning: check.warning,
    assessedAt: check.assessedAt,
  })
}

/**
 * Whether the purchase or plan may go ahead: yes when suitable; for a mismatch only with a confirmation of this
 * very check (same category, assessment, risk and products); never while blocked.
 */
export function mayProceed(check: SuitabilityCheck, confirmation?: MismatchConfirmation): boolean {
  if (check.blocked) return false
  if (check.status === 'suitable') return true
  if (!confirmation) return false
  const ids = [...check.productIds].sort()
  return (
    confirmation.riskCategory === check.category &&
    confirmation.assessedAt === check.assessedAt &&
    confirmation.productRisk === check.risk &&
    confirmation.productIds.length === ids.length &&
    confirmation.productIds.every((id, i) => id === ids[i])
  )
}

/** Highest product risk a category may buy without a warning (C3 → R3). */
export function maxEligibleRisk(category: RiskCategory): ProductRisk {
  return PRODUCT_RISKS[RISK_CATEGORIES.indexOf(category)]!
}
