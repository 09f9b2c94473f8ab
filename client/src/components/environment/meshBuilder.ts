import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  Euler,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  Vector3,
  type ColorRepresentation,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

const tint = new Color()

/** A transform from position, yaw (radians about +y) and optional uniform or per-axis scale. */
export function place(x: number, y: number, z: number, yaw = 0, scale: number | Vector3 = 1): Matrix4 {
  const s = typeof scale === 'number' ? new Vector3(scale, scale, scale) : scale
  return new Matrix4().compose(new Vector3(x, y, z), new Quaternion().setFromEuler(new Euler(0, yaw, 0)), s)
}

/**
 * Collects coloured pieces of static geometry that will share one material and merges them into
 * a single geometry (one draw call). Each piece gets a baked vertex colour, so one material can
 * paint walls, trims and furniture in different tones.
 */
export class MeshBuilder {
  private readonly parts: BufferGeometry[] = []

  /** `withAlpha` bakes RGBA colours, which three picks up as per-vertex opacity (used for glass). */
  constructor(private readonly withAlpha = false) {}

  /** Adds a geometry (consumed: do not reuse it) in `color`, optionally transformed. */
  add(geometry: BufferGeometry, color: ColorRepresentation, matrix?: Matrix4, alpha = 1): this {
    // mergeGeometries needs every part indexed or none; extrusions are never indexed, so none are
    const g = geometry.index ? geometry.toNonIndexed() : geometry
    if (g !== geometry) geometry.dispose()
    if (matrix) g.applyMatrix4(matrix)
    const count = g.getAttribute('position').count
    const size = this.withAlpha ? 4 : 3
    const colors = new Float32Array(count * size)
    tint.set(color)
    for (let i = 0; i < count; i++) {
      colors[i * size] = tint.r
      colors[i * size + 1] = tint.g
      colors[i * size + 2] = tint.b
      if (this.withAlpha) colors[i * size + 3] = alpha
    }
    g.setAttribute('color', new BufferAttribute(colors, size))
    if (!g.getAttribute('uv')) g.setAttribute('uv', new BufferAttribute(new Float32Array(count * 2), 2))
    g.clearGroups()
    this.parts.push(g)
    return this
  }

  /** Adds an axis-aligned box given by its extents. */
  block(
    x0: number,
    x1: number,
    y0: number,
    y1: number,
    z0: number,
    z1: number,
    color: ColorRepresentation,
    alpha = 1,
  ): this {
    const g = new BoxGeometry(Math.abs(x1 - x0), Math.abs(y1 - y0), Math.abs(z1 - z0))
    return this.add(g, color, place((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2), alpha)
  }

  /** Adds a box of size w×h×d whose base centre sits at (x, y, z), turned by `yaw`. */
  box(w: number, h: number, d: number, x: number, y: number, z: number, color: ColorRepresentation, yaw = 0): this {
    return this.add(new BoxGeometry(w, h, d), color, place(x, y + h / 2, z, yaw))
  }

  /** Adds a horizontal rectangle at height y, facing up (floors, table tops) or down (ceilings). */
  rect(minX: number, maxX: number, minZ: number, maxZ: number, y: number, color: ColorRepresentation, up = true): this {
    const g = new PlaneGeometry(maxX - minX, maxZ - minZ)
    g.rotateX(up ? -Math.PI / 2 : Math.PI / 2)
    return this.add(g, color, place((minX + maxX) / 2, y, (minZ + maxZ) / 2))
  }

  /** Merges everything added so far into one geometry and releases the parts. */
  build(): BufferGeometry {
    const merged = this.parts.length > 0 ? mergeGeometries(this.parts) : new BufferGeometry()
    for (const p of this.parts) p.dispose()
    this.parts.length = 0
    merged.computeBoundingSphere()
    return merged
  }
}

/** Splits the ring between an outer and an inner rectangle into four non-overlapping rectangles. */
export function frameRects(
  outer: { minX: number; maxX: number; minZ: number; maxZ: number },
  inset: number,
): [number, number, number, number][] {
  const { minX, maxX, minZ, maxZ } = outer
  return [
    [minX, maxX, minZ, minZ + inset],
    [minX, maxX, maxZ - inset, maxZ],
    [minX, minX + inset, minZ + inset, maxZ - inset],
    [maxX - inset, maxX, minZ + inset, maxZ - inset],
  ]
}
