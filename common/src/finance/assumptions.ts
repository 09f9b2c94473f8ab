/**
 * Capital market assumptions: asset classes with expected return and volatility, a correlation matrix and
 * expected inflation, loaded from assets/finance/capital-market-assumptions.json and validated on load.
 */
import { z } from 'zod'

import cmaFile from '../../../assets/finance/capital-market-assumptions.json' with { type: 'json' }
import { log1pDet } from './detmath.ts'
import { checkCorrelation, type CorrelationRepair } from './linalg.ts'
import { DataId, describeIssues, FinanceDataError, LocalizedText } from './text.ts'

/** One asset class in the data file. Returns are arithmetic annual means; volatility is the annual SD. */
export const AssetClassSchema = z.strictObject({
  id: DataId,
  name: LocalizedText,
  expectedReturn: z.number().gt(-0.5).lt(1),
  volatility: z.number().min(0).max(2),
  rationale: z.string().min(1),
})
export type AssetClass = z.infer<typeof AssetClassSchema>

/** The capital market assumptions file format. */
export const AssumptionsFileSchema = z.strictObject({
  version: z.literal(1),
  currency: z.string().length(3),
  illustrative: z.boolean(),
  description: LocalizedText,
  source: z.string(),
  inflation: z.strictObject({ expected: z.number().gt(-0.1).lt(0.5), rationale: z.string().min(1) }),
  assetClasses: z.array(AssetClassSchema).min(1).max(32),
  correlations: z.strictObject({
    rationale: z.string().min(1),
    order: z.array(DataId),
    matrix: z.array(z.array(z.number())),
  }),
})
export type AssumptionsFile = z.infer<typeof AssumptionsFileSchema>

/** Validated assumptions, with the correlation matrix in `assetClasses` order. */
export interface CapitalMarketAssumptions {
  currency: string
  illustrative: boolean
  description: LocalizedText
  /** Expected annual inflation, used to index cash flows and goals and to deflate results. */
  inflation: number
  assetClasses: AssetClass[]
  /** Correlations of log returns, row i / column j = assetClasses[i] / assetClasses[j]. */
  correlation: number[][]
  minEigenvalue: number
  /** Present when a non-PSD matrix was repaired on load. */
  repair?: CorrelationRepair
}

/** Annual lognormal parameters of a gross return 1 + R with E[R] = m and SD[R] = s. */
export interface LognormalParams {
  mu: number
  sigma: number
}

/**
 * σ² = ln(1 + s²/(1 + m)²) and μ = ln(1 + m) − σ²/2 (finance.md §1), so that E[exp(μ + σz)] = 1 + m exactly.
 * Over a month the log return is N(μ/12, σ²/12); twelve months compound back to these annual parameters.
 */
export function lognormalParams(expectedReturn: number, volatility: number): LognormalParams {
  const g = 1 + expectedReturn
  const sigma2 = log1pDet((volatility * volatility) / (g * g))
  return { mu: log1pDet(expectedReturn) - sigma2 / 2, sigma: Math.sqrt(sigma2) }
}

/**
 * Parses and checks an assumptions file: schema, unique ids, a correlation order naming every asset class once,
 * and a symmetric, unit-diagonal, positive semi-definite matrix. A non-PSD matrix is refused unless
 * `onNonPsd: 'repair'` (diagonal loading, see `checkCorrelation`). Throws FinanceDataError or CorrelationError.
 */
export function loadAssumptions(
  json: unknown,
  options: { onNonPsd?: 'refuse' | 'repair'; file?: string } = {},
): CapitalMarketAssumptions {
  const file = options.file ?? 'capital market assumptions'
  const parsed = AssumptionsFileSchema.safeParse(json)
  if (!parsed.success) throw new FinanceDataError(describeIssues(file, parsed.error))
  const data = parsed.data
  const ids = data.assetClasses.map((a) => a.id)
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i)
  if (duplicate) throw new FinanceDataError(`${file}: asset class "${duplicate}" is listed twice`)
  const { order, matrix } = data.correlations
  const missing = ids.filter((id) => !order.includes(id))
  const extra = order.filter((id) => !ids.includes(id))
  if (missing.length || extra.length || order.length !== ids.length) {
    throw new FinanceDataError(
      `${file}: correlations.order must list every asset class once (missing: ${missing.join(', ') || 'none'}, ` +
        `unknown: ${extra.join(', ') || 'none'})`,
    )
  }
  if (matrix.length !== order.length) {
    throw new FinanceDataError(`${file}: correlation matrix has ${matrix.length} rows, expected ${order.length}`)
  }
  const checked = checkCorrelation(matrix, { onNonPsd: options.onNonPsd ?? 'refuse', labels: order })
  const pos = ids.map((id) => order.indexOf(id))
  const correlation = pos.map((pi) => pos.map((pj) => checked.matrix[pi]![pj]!))
  return {
    currency: data.currency,
    illustrative: data.illustrative,
    description: data.description,
    inflation: data.inflation.expected,
    assetClasses: data.assetClasses,
    correlation,
    minEigenvalue: checked.minEigenvalue,
    ...(checked.repair ? { repair: checked.repair } : {}),
  }
}

/** The shipped illustrative CNY assumptions (finance.md §3), validated when this module loads. */
export const DEFAULT_ASSUMPTIONS: CapitalMarketAssumptions = loadAssumptions(cmaFile, {
  file: 'assets/finance/capital-market-assumptions.json',
})

/** Ids of the shipped asset classes, in file order. */
export const DEFAULT_ASSET_CLASS_IDS: readonly string[] = DEFAULT_ASSUMPTIONS.assetClasses.map((a) => a.id)
