/**
 * Small dense linear algebra for correlation matrices: validation, eigenvalues (cyclic Jacobi), a
 * semi-definite-tolerant Cholesky factor and the repair of a matrix that is not positive semi-definite.
 * Matrices are row-major `number[][]` at the API and `Float64Array` (n·n, row-major) inside the simulation.
 */

/** Thrown when a correlation matrix is malformed or not positive semi-definite and repair was not asked for. */
export class CorrelationError extends Error {
  override name = 'CorrelationError'
}

/** How a non-PSD matrix was handled. */
export interface CorrelationRepair {
  method: 'diagonal-loading'
  /** ε added to the diagonal before rescaling to a unit diagonal. */
  epsilon: number
  /** Smallest eigenvalue before the repair. */
  minEigenvalueBefore: number
}

/** A checked correlation matrix. */
export interface CheckedCorrelation {
  matrix: number[][]
  minEigenvalue: number
  repair?: CorrelationRepair
}

/** Eigenvalues below −EIGEN_TOLERANCE make a matrix "not PSD"; rounding noise above that is accepted. */
export const EIGEN_TOLERANCE = 1e-10
/** Largest asymmetry |c_ij − c_ji| or diagonal error |c_ii − 1| accepted as rounding. */
const ENTRY_TOLERANCE = 1e-9

/** Eigenvalues of a symmetric matrix, ascending (cyclic Jacobi rotations; fine for n up to a few dozen). */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length
  const a = Float64Array.from(matrix.flat())
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    let diag = 0
    for (let p = 0; p < n; p++) {
      diag += a[p * n + p]! ** 2
      for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!
        if (Math.abs(apq) < 1e-300) continue
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq)
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!
          const akq = a[k * n + q]!
          a[k * n + p] = c * akp - s * akq
          a[k * n + q] = s * akp + c * akq
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!
          const aqk = a[q * n + k]!
          a[p * n + k] = c * apk - s * aqk
          a[q * n + k] = s * apk + c * aqk
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]!).sort((x, y) => x - y)
}

/**
 * Lower-triangular L (row-major, n·n) with L·Lᵀ = m. Accepts positive semi-definite input: a pivot within
 * `tolerance` of zero gives a zero column (perfectly correlated assets), a clearly negative one throws.
 */
export function choleskyPsd(m: readonly (readonly number[])[], tolerance = 1e-10): Float64Array {
  const n = m.length
  const l = new Float64Array(n * n)
  for (let j = 0; j < n; j++) {
    let d = m[j]![j]!
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2
    if (d < -tolerance) throw new CorrelationError(`matrix is not positive semi-definite (pivot ${d} at row ${j})`)
    const ljj = d > tolerance ? Math.sqrt(d) : 0
    l[j * n + j] = ljj
    for (let i = j + 1; i < n; i++) {
      let s = m[i]![j]!
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!
      l[i * n + j] = ljj > 0 ? s / ljj : 0
    }
  }
  return l
}

/** Checks shape, finiteness, range [−1, 1], symmetry and unit diagonal; throws a CorrelationError naming the cell. */
export function checkCorrelationEntries(m: readonly (readonly number[])[], labels?: readonly string[]): void {
  const n = m.length
  const name = (i: number) => labels?.[i] ?? String(i)
  for (let i = 0; i < n; i++) {
    const row = m[i]!
    if (row.length !== n) throw new CorrelationError(`row ${name(i)} has ${row.length} entries, expected ${n}`)
    for (let j = 0; j < n; j++) {
      const v = row[j]!
      if (!Number.isFinite(v) || v < -1 - ENTRY_TOLERANCE || v > 1 + ENTRY_TOLERANCE) {
        throw new CorrelationError(`correlation (${name(i)}, ${name(j)}) = ${v} is outside [-1, 1]`)
      }
      if (Math.abs(v - m[j]![i]!) > ENTRY_TOLERANCE) {
        throw new CorrelationError(`matrix is not symmetric at (${name(i)}, ${name(j)}): ${v} vs ${m[j]![i]}`)
      }
    }
    if (Math.abs(row[i]! - 1) > ENTRY_TOLERANCE) {
      throw new CorrelationError(`diagonal entry (${name(i)}, ${name(i)}) is ${row[i]}, expected 1`)
    }
  }
}

/**
 * Validates a correlation matrix. When it is not positive semi-definite, `onNonPsd: 'refuse'` (the default)
 * throws, and `'repair'` applies diagonal loading, the Σ + εI fix in ../shared/notes/finance.md §1, rescaled to a
 * unit diagonal: C' = (C + εI)/(1 + ε) with ε = −λmin + 1e-8. Every correlation shrinks towards 0 by the same
 * factor 1/(1 + ε), which keeps their signs and ordering, and the smallest eigenvalue becomes slightly positive.
 */
export function checkCorrelation(
  m: readonly (readonly number[])[],
  options: { onNonPsd?: 'refuse' | 'repair'; labels?: readonly string[] } = {},
): CheckedCorrelation {
  checkCorrelationEntries(m, options.labels)
  // symmetrise exactly so tiny input asymmetries cannot leak into the factor
  const sym = m.map((row, i) => row.map((v, j) => (i === j ? 1 : (v + m[j]![i]!) / 2)))
  const minEigenvalue = symmetricEigenvalues(sym)[0] ?? 1
  if (minEigenvalue >= -EIGEN_TOLERANCE) return { matrix: sym, minEigenvalue }
  if (options.onNonPsd !== 'repair') {
    throw new CorrelationError(
      `correlation matrix is not positive semi-definite (smallest eigenvalue ${minEigenvalue.toExponential(3)}); ` +
        `fix the data or load it with { onNonPsd: 'repair' }`,
    )
  }
  const epsilon = -minEigenvalue + 1e-8
  const matrix = sym.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (1 + epsilon))))
  return {
    matrix,
    minEigenvalue: symmetricEigenvalues(matrix)[0] ?? 1,
    repair: { method: 'diagonal-loading', epsilon, minEigenvalueBefore: minEigenvalue },
  }
}
