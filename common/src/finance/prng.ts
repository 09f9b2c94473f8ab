/**
 * Seeded random numbers that give identical bits in Node and every browser: sfc32 (Chris Doty-Humphrey's
 * "small fast counting" generator, passes PractRand) on 32-bit integer operations, and standard normals by the
 * Marsaglia–Tsang ziggurat. Only integer ops, IEEE basic arithmetic and the deterministic `expDet`/`logDet` are
 * used, so no engine-specific `Math` function can change a result.
 *
 * Every Monte Carlo path gets its own stream, derived from (seed, path index), so results do not depend on how
 * paths are split into chunks or across workers.
 */
import { expDet, logDet } from './detmath.ts'

/** Generator state: the four sfc32 words a, b, c, d. */
export type RngState = Uint32Array

const GOLDEN = 0x9e3779b9

/** A 32-bit avalanche mix (Wellons' lowbias32). */
function mix32(x: number): number {
  let h = x | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x21f0aaad)
  h ^= h >>> 15
  h = Math.imul(h, 0x735a2d97)
  h ^= h >>> 15
  return h >>> 0
}

/**
 * Seeds `state` for one stream: `seed` is any non-negative safe integer, `stream` a path index (< 2^32).
 * Twelve discarded outputs let the state mix, as the sfc authors recommend.
 */
export function seedStream(state: RngState, seed: number, stream: number): void {
  const lo = seed >>> 0
  const hi = Math.floor(seed / 4294967296) >>> 0
  const base = mix32(lo ^ mix32(hi ^ 0x85ebca6b) ^ mix32((stream >>> 0) ^ 0xc2b2ae35))
  state[0] = mix32(base + GOLDEN)
  state[1] = mix32(base + 2 * GOLDEN)
  state[2] = mix32(base + 3 * GOLDEN)
  state[3] = 1
  for (let i = 0; i < 12; i++) nextUint32(state)
}

/** Next 32-bit output of sfc32 as an unsigned integer. */
export function nextUint32(s: RngState): number {
  const a = s[0]!
  const b = s[1]!
  const c = s[2]!
  const d = s[3]!
  const t = (((a + b) | 0) + d) | 0
  s[3] = (d + 1) | 0
  s[0] = b ^ (b >>> 9)
  s[1] = (c + (c << 3)) | 0
  s[2] = (((c << 21) | (c >>> 11)) + t) | 0
  return t >>> 0
}

/** Uniform double in the open interval (0, 1). */
export function nextUniform(s: RngState): number {
  return (nextUint32(s) + 0.5) / 4294967296
}

// Ziggurat with 128 layers. One 32-bit draw gives the layer (low 7 bits) and a signed 25-bit magnitude (the rest),
// centred by +0.5 so the two signs are exactly symmetric. See Marsaglia & Tsang, J. Stat. Software 5(8), 2000.
const LAYERS = 128
const M = 16777216 // 2^24
const R = 3.442619855899
const V = 9.91256303526217e-3
const KN = new Float64Array(LAYERS)
const WN = new Float64Array(LAYERS)
const FN = new Float64Array(LAYERS)
{
  let dn = R
  let tn = dn
  const q = V / expDet(-0.5 * dn * dn)
  KN[0] = (dn / q) * M
  KN[1] = 0
  WN[0] = q / M
  WN[LAYERS - 1] = dn / M
  FN[0] = 1
  FN[LAYERS - 1] = expDet(-0.5 * dn * dn)
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * logDet(V / dn + expDet(-0.5 * dn * dn)))
    KN[i + 1] = (dn / tn) * M
    tn = dn
    FN[i] = expDet(-0.5 * dn * dn)
    WN[i] = dn / M
  }
}

/** Rejected draw: the tail beyond R (layer 0) or a wedge test; about 1.2% of draws end up here. */
function normalSlow(s: RngState, u0: number): number {
  let u = u0
  for (;;) {
    const iz = u & (LAYERS - 1)
    const v = (u >> 7) + 0.5
    const x = v * WN[iz]!
    if (iz === 0) {
      let tx: number
      let ty: number
      do {
        tx = -logDet(nextUniform(s)) / R
        ty = -logDet(nextUniform(s))
      } while (ty + ty < tx * tx)
      return v > 0 ? R + tx : -R - tx
    }
    const f1 = FN[iz]!
    if (f1 + nextUniform(s) * (FN[iz - 1]! - f1) < expDet(-0.5 * x * x)) return x
    u = nextUint32(s) | 0
    const jz = u & (LAYERS - 1)
    const w = (u >> 7) + 0.5
    if (Math.abs(w) < KN[jz]!) return w * WN[jz]!
  }
}

/** One standard normal draw. */
export function nextNormal(s: RngState): number {
  const u = nextUint32(s) | 0
  const iz = u & (LAYERS - 1)
  const v = (u >> 7) + 0.5
  if (Math.abs(v) < KN[iz]!) return v * WN[iz]!
  return normalSlow(s, u)
}

/**
 * Fills out[start .. start+count) with standard normals. Same values as `count` calls of `nextNormal`; the hot loop
 * keeps the generator state in locals, which is several times faster.
 */
export function fillNormals(s: RngState, out: Float64Array, start: number, count: number): void {
  // `| 0` keeps the locals as small integers for the JIT (the array holds unsigned values)
  let a = s[0]! | 0
  let b = s[1]! | 0
  let c = s[2]! | 0
  let d = s[3]! | 0
  const kn = KN
  const wn = WN
  const end = start + count
  for (let i = start; i < end; i++) {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
    const iz = t & (LAYERS - 1)
    const v = (t >> 7) + 0.5
    if (Math.abs(v) < kn[iz]!) {
      out[i] = v * wn[iz]!
    } else {
      s[0] = a
      s[1] = b
      s[2] = c
      s[3] = d
      out[i] = normalSlow(s, t)
      a = s[0]! | 0
      b = s[1]! | 0
      c = s[2]! | 0
      d = s[3]! | 0
    }
  }
  s[0] = a
  s[1] = b
  s[2] = c
  s[3] = d
}
