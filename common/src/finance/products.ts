/**
 * Product catalogue with risk ratings R1–R5 (finance.md §5) and each product's exposure to the asset classes of the
 * capital market assumptions, loaded from assets/finance/products.json and validated on load.
 */
import { z } from 'zod'

import productsFile from '../../../assets/finance/products.json' with { type: 'json' }
import { DEFAULT_ASSUMPTIONS, type CapitalMarketAssumptions } from './assumptions.ts'
import { DataId, describeIssues, FinanceDataError, LocalizedText } from './text.ts'

/** Product risk ratings, lowest first: 低 / 中低 / 中 / 中高 / 高 (finance.md §5). */
export const PRODUCT_RISKS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const
export type ProductRisk = (typeof PRODUCT_RISKS)[number]
/** Validates a product risk rating. */
export const ProductRiskSchema = z.enum(PRODUCT_RISKS)

/** Kinds of product in the catalogue. */
export const PRODUCT_KINDS = [
  'moneyMarketFund',
  'governmentBond',
  'bondFund',
  'bankWealthProduct',
  'mixedFund',
  'commodityFund',
  'equityFund',
  'reit',
  'structuredProduct',
] as const

/** One product of the catalogue. */
export const ProductSchema = z.strictObject({
  id: DataId,
  name: LocalizedText,
  kind: z.enum(PRODUCT_KINDS),
  risk: ProductRiskSchema,
  /** Weights by asset class id, summing to 1: how the product is simulated. */
  exposures: z.record(DataId, z.number().gt(0).max(1)),
  description: LocalizedText,
})
export type Product = z.infer<typeof ProductSchema>

/** The product catalogue file format. */
export const ProductCatalogueSchema = z.strictObject({
  version: z.literal(1),
  source: z.string(),
  riskLevels: z.array(z.strictObject({ risk: ProductRiskSchema, name: LocalizedText })).length(PRODUCT_RISKS.length),
  products: z.array(ProductSchema).min(1),
})
export type ProductCatalogue = z.infer<typeof ProductCatalogueSchema>

/** One line of a plan: a product and its share of the money. */
export const HoldingSchema = z.strictObject({ productId: DataId, weight: z.number().gt(0).max(1) })
export type Holding = z.infer<typeof HoldingSchema>

/**
 * Validates a catalogue: schema, unique product ids, risk levels R1..R5 in order, exposures summing to 1 and naming
 * asset classes that exist in `assumptions`.
 */
export function loadProductCatalogue(
  json: unknown,
  assumptions: CapitalMarketAssumptions = DEFAULT_ASSUMPTIONS,
  file = 'product catalogue',
): ProductCatalogue {
  const parsed = ProductCatalogueSchema.safeParse(json)
  if (!parsed.success) throw new FinanceDataError(describeIssues(file, parsed.error))
  const cat = parsed.data
  if (!cat.riskLevels.every((l, i) => l.risk === PRODUCT_RISKS[i])) {
    throw new FinanceDataError(`${file}: riskLevels must list R1..R5 in order`)
  }
  const known = new Set(assumptions.assetClasses.map((a) => a.id))
  const seen = new Set<string>()
  for (const p of cat.products) {
    if (seen.has(p.id)) throw new FinanceDataError(`${file}: product "${p.id}" appears twice`)
    seen.add(p.id)
    const unknown = Object.keys(p.exposures).filter((id) => !known.has(id))
    if (unknown.length) throw new FinanceDataError(`${file}: ${p.id} has unknown asset classes ${unknown.join(', ')}`)
    const sum = Object.values(p.exposures).reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 1) > 1e-9) throw new FinanceDataError(`${file}: ${p.id} exposures sum to ${sum}, expected 1`)
  }
  return cat
}

/** The shipped catalogue, validated when this module loads. */
export const DEFAULT_PRODUCTS: ProductCatalogue = loadProductCatalogue(
  productsFile,
  DEFAULT_ASSUMPTIONS,
  'assets/finance/products.json',
)

/** The product with `id`; throws FinanceDataError if the catalogue has none. */
export function findProduct(catalogue: ProductCatalogue, id: string): Product {
  const p = catalogue.products.find((x) => x.id === id)
  if (!p) throw new FinanceDataError(`unknown product "${id}"`)
  return p
}

/** Localized name of a risk level (R4 → 中高风险 / Medium-high). */
export function riskLevelName(catalogue: ProductCatalogue, risk: ProductRisk): LocalizedText {
  return catalogue.riskLevels.find((l) => l.risk === risk)!.name
}

/**
 * Asset-class allocation of a set of holdings, for `simulate`'s plan: Σ holding weight × product exposure.
 * Holding weights must sum to 1.
 */
export function allocationFromHoldings(
  holdings: readonly Holding[],
  catalogue: ProductCatalogue,
): Record<string, number> {
  const total = holdings.reduce((s, h) => s + h.weight, 0)
  if (Math.abs(total - 1) > 1e-6) throw new FinanceDataError(`holding weights sum to ${total}, expected 1`)
  const out: Record<string, number> = {}
  for (const h of holdings) {
    for (const [id, w] of Object.entries(findProduct(catalogue, h.productId).exposures)) {
      out[id] = (out[id] ?? 0) + h.weight * w
    }
  }
  return out
}
