/**
 * A hash of every number (by its IEEE-754 bits) and string in a plain-data value, keys in sorted order, so two
 * simulation results hash alike exactly when they are bit-identical. Pure TypeScript: the same code runs in Node
 * (tests) and the browser.
 */
const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn

/** 64-bit FNV-1a over the canonical bytes of `value`, as 16 hex digits. */
export function hashResult(value: unknown): string {
  const bytes: number[] = []
  const view = new DataView(new ArrayBuffer(8))
  const tag = (t: number) => bytes.push(t)
  const walk = (v: unknown): void => {
    if (typeof v === 'number') {
      tag(1)
      view.setFloat64(0, v, true)
      for (let i = 0; i < 8; i++) bytes.push(view.getUint8(i))
    } else if (typeof v === 'string') {
      tag(2)
      for (const b of new TextEncoder().encode(v)) bytes.push(b)
      tag(0)
    } else if (typeof v === 'boolean') {
      tag(v ? 3 : 4)
    } else if (v === null || v === undefined) {
      tag(5)
    } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      tag(6)
      for (const x of Array.from(v as ArrayLike<unknown>)) walk(x)
      tag(7)
    } else if (typeof v === 'object') {
      tag(8)
      for (const k of Object.keys(v).sort()) {
        walk(k)
        walk((v as Record<string, unknown>)[k])
      }
      tag(9)
    } else {
      throw new TypeError(`cannot hash a ${typeof v}`)
    }
  }
  walk(value)
  let h = FNV_OFFSET
  for (const b of bytes) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK
  return h.toString(16).padStart(16, '0')
}
