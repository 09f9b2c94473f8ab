import { SphereGeometry, Vector3 } from 'three'

import { ellipsoid, grid, smooth, tube, type HostPart } from './hostGeometry.ts'

const JACKET = '#223a58'
const LAPEL = '#2c4a6e'
const PIPING = '#9cc3e6'
const SHIRT = '#f3f6f9'
const TIE = '#c8a45c'
const TROUSERS = '#1b2b42'
const SKIN = '#f0c9aa'

/** Torso cross-sections bottom to top: height, half-width, half-depth (a superellipse each). */
const PROFILE: [number, number, number][] = [
  [0.8, 0.165, 0.105],
  [0.92, 0.158, 0.1],
  [1.02, 0.152, 0.098],
  [1.14, 0.166, 0.108],
  [1.26, 0.184, 0.114],
  [1.34, 0.2, 0.112],
  [1.4, 0.211, 0.104],
  [1.44, 0.192, 0.09],
  [1.465, 0.13, 0.07],
  [1.48, 0.06, 0.05],
]

/** Half-width and half-depth of the torso at height y, and the superellipse exponent there. */
function section(y: number): [number, number, number] {
  let i = 0
  while (i < PROFILE.length - 2 && PROFILE[i + 1]![0] < y) i++
  const [y0, a0, b0] = PROFILE[i]!
  const [y1, a1, b1] = PROFILE[i + 1]!
  const t = smooth(y0, y1, y)
  return [a0 + (a1 - a0) * t, b0 + (b1 - b0) * t, 2.2 + 0.9 * smooth(1.1, 1.42, y)]
}

/** z of the torso's front surface at (x, y). */
function frontZ(x: number, y: number): number {
  const [a, b, n] = section(y)
  const r = Math.min(1, Math.abs(x) / a)
  return b * (1 - r ** n) ** (1 / n) + 0.008 * smooth(1.0, 1.26, y) * (1 - smooth(1.3, 1.44, y))
}

function torso(): HostPart {
  const y0 = PROFILE[0]![0]
  const y1 = PROFILE[PROFILE.length - 1]![0]
  const g = grid(36, 14, (u, v, out) => {
    const y = y0 + (y1 - y0) * v
    const [a, b, n] = section(y)
    const th = -2 * Math.PI * u
    const c = Math.cos(th)
    const s = Math.sin(th)
    const x = a * Math.sign(c) * Math.abs(c) ** (2 / n)
    const z = b * Math.sign(s) * Math.abs(s) ** (2 / n)
    // the chest sits forward of the back
    const chest = z > 0 ? 0.008 * smooth(1.0, 1.26, y) * (1 - smooth(1.3, 1.44, y)) : 0
    return out.set(x, y, z + chest)
  })
  return { geometry: g, color: JACKET, head: 0 }
}

/** A patch laid on the torso front between heights y0 and y1, x between left(y) and right(y). */
function onChest(
  y0: number,
  y1: number,
  left: (y: number) => number,
  right: (y: number) => number,
  lift: number,
  cols = 4,
  rows = 10,
) {
  return grid(cols, rows, (u, v, out) => {
    const y = y0 + (y1 - y0) * v
    const x = left(y) + (right(y) - left(y)) * u
    return out.set(x, y, frontZ(x, y) + lift)
  })
}

/** Half-width of the open V of the jacket at height y. */
const vee = (y: number) => 0.078 * Math.max(0, (y - 1.2) / 0.27) ** 0.9

function clothes(): HostPart[] {
  const tie = (y: number) =>
    y < 1.18 ? 0.018 * ((y - 1.15) / 0.03) : y > 1.41 ? 0.015 : 0.018 - 0.006 * smooth(1.2, 1.4, y)
  const parts: HostPart[] = [
    { geometry: onChest(1.2, 1.47, (y) => -vee(y), vee, 0.002, 6, 8), color: SHIRT, head: 0 },
    { geometry: onChest(1.15, 1.445, (y) => -tie(y), tie, 0.0045, 2, 12), color: TIE, head: 0 },
  ]
  for (const side of [-1, 1]) {
    const inner = (y: number) => side * vee(y)
    const outer = (y: number) => side * (vee(y) + 0.03 * smooth(1.15, 1.3, y))
    const edge = (y: number) => side * (vee(y) + 0.0045)
    const [l, r] = side > 0 ? [inner, outer] : [outer, inner]
    const [el, er] = side > 0 ? [inner, edge] : [edge, inner]
    parts.push({ geometry: onChest(1.12, 1.47, l, r, 0.003, 3, 12), color: LAPEL, head: 0 })
    parts.push({ geometry: onChest(1.12, 1.47, el, er, 0.0042, 1, 12), color: PIPING, head: 0 })
  }
  // two buttons, and a name badge on the wearer's left chest
  for (const y of [1.065, 0.965]) {
    parts.push({ geometry: ellipsoid(0.009, 0.009, 0.004, new Vector3(0, y, frontZ(0, y)), 8, 6), color: TIE, head: 0 })
  }
  parts.push({
    geometry: onChest(
      1.305,
      1.322,
      () => 0.07,
      () => 0.118,
      0.0035,
      2,
      1,
    ),
    color: TIE,
    head: 0,
  })
  return parts
}

function neck(): HostPart[] {
  const neckHead = (y: number) => smooth(1.47, 1.56, y)
  return [
    {
      geometry: tube(new Vector3(0, 1.43, -0.012), new Vector3(0, 1.57, -0.004), 0.053, 0.049, 14),
      color: SKIN,
      head: neckHead,
    },
    {
      geometry: tube(new Vector3(0, 1.445, -0.012), new Vector3(0, 1.495, -0.008), 0.061, 0.057, 16),
      color: SHIRT,
      head: 0,
    },
  ]
}

function arms(): HostPart[] {
  const parts: HostPart[] = []
  for (const side of [-1, 1]) {
    const shoulder = new Vector3(0.2 * side, 1.4, -0.005)
    const elbow = new Vector3(0.228 * side, 1.13, 0.03)
    const wrist = new Vector3(0.075 * side, 1.035, 0.165)
    const joint = (c: Vector3, r: number) => new SphereGeometry(r, 10, 6).translate(c.x, c.y, c.z)
    parts.push(
      { geometry: joint(shoulder, 0.052), color: JACKET, head: 0 },
      { geometry: tube(shoulder, elbow, 0.05, 0.043), color: JACKET, head: 0 },
      { geometry: joint(elbow, 0.043), color: JACKET, head: 0 },
      { geometry: tube(elbow, wrist, 0.042, 0.036), color: JACKET, head: 0 },
      {
        geometry: tube(wrist.clone().lerp(elbow, 0.06), wrist.clone().lerp(elbow, -0.12), 0.035, 0.033),
        color: SHIRT,
        head: 0,
      },
      {
        geometry: ellipsoid(0.038, 0.024, 0.05, new Vector3(0.04 * side, 1.028, 0.19), 10, 7),
        color: SKIN,
        head: 0,
      },
    )
  }
  return parts
}

function legs(): HostPart[] {
  return [-1, 1].map((side) => ({
    geometry: tube(new Vector3(0.085 * side, 0.84, 0), new Vector3(0.09 * side, 0.3, 0.01), 0.078, 0.058, 14),
    color: TROUSERS,
    head: 0,
  }))
}

/** Everything below the head: a banker's jacket over shirt and tie, arms with clasped hands, legs. */
export function buildBody(): HostPart[] {
  return [torso(), ...clothes(), ...neck(), ...arms(), ...legs()]
}
