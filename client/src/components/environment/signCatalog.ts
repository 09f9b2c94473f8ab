import { ZONES } from '@atrium/common'
import type { Matrix4 } from 'three'

export type SignId = 'logo' | 'suites' | 'sandbox' | 'auditorium' | 'reception' | 'atrium' | 'selfService'

/** One sign's text and where it is painted in the atlas ([x, y, width, height] in canvas pixels). */
export interface SignSpec {
  zh: string
  en: string
  accent: string
  region: readonly [number, number, number, number]
}

/** All signs share one canvas texture, so the whole signage costs a single draw call. */
export const ATLAS_SIZE = { width: 2048, height: 1024 } as const

const TILE = { w: 1024, h: 256 } as const
const tile = (col: number, row: number) => [col * TILE.w, 256 + row * TILE.h, TILE.w, TILE.h] as const

export const SIGNS: Record<SignId, SignSpec> = {
  logo: { zh: '云上网点', en: 'Atrium', accent: ZONES.atrium.color, region: [0, 0, 2048, 256] },
  suites: { zh: '财富顾问室', en: 'Advisory Suites', accent: ZONES.suites.color, region: tile(0, 0) },
  sandbox: { zh: '财富沙盘厅', en: 'Wealth Sandbox Hall', accent: ZONES.sandbox.color, region: tile(1, 0) },
  auditorium: {
    zh: '投资者教育厅',
    en: 'Investor Education Auditorium',
    accent: ZONES.auditorium.color,
    region: tile(0, 1),
  },
  reception: { zh: '接待台', en: 'Reception', accent: ZONES.atrium.color, region: tile(1, 1) },
  atrium: { zh: '大堂', en: 'Main Atrium', accent: ZONES.atrium.color, region: tile(0, 2) },
  selfService: { zh: '自助服务', en: 'Self-Service', accent: ZONES.atrium.color, region: tile(1, 2) },
}

/** Where a sign goes: `matrix` places the sign's centre, facing its local +z. */
export interface SignPlacement {
  id: SignId
  matrix: Matrix4
  width: number
  /**
   * Wraps the sign onto a vertical cylinder of this radius, centred on local +z; `matrix` then
   * places the cylinder's axis (at the sign's mid-height). Flat when absent.
   */
  radius?: number
}

/** Height of a sign drawn `width` metres wide, keeping its atlas aspect ratio. */
export function signHeight(id: SignId, width: number): number {
  const [, , w, h] = SIGNS[id].region
  return (width * h) / w
}
