import type { BufferGeometry } from 'three'

import { createParts, type InstanceList } from './branchParts.ts'
import { addAtrium } from './buildAtrium.ts'
import { addAuditorium } from './buildAuditorium.ts'
import { addReception } from './buildReception.ts'
import { addSandbox } from './buildSandbox.ts'
import { addShell } from './buildShell.ts'
import { addSuites } from './buildSuites.ts'
import { addWalls } from './buildWalls.ts'
import { WALL } from './layout.ts'
import { chairGeometry, columnGeometry, plantGeometry, seatGeometry } from './propGeometry.ts'
import type { SignPlacement } from './signCatalog.ts'

/** Size of one repeat of the floor texture, in metres. */
export const FLOOR_TEXTURE_SIZE = 1.8

/** A repeated prop: its geometry once, plus where each copy goes. */
export interface PropSet extends InstanceList {
  geometry: BufferGeometry
}

/** The branch as a handful of drawable pieces: merged meshes per material, instanced props, signs. */
export interface BranchGeometry {
  floor: BufferGeometry
  matte: BufferGeometry
  satin: BufferGeometry
  glass: BufferGeometry
  glow: BufferGeometry
  columns: PropSet
  plants: PropSet
  chairs: PropSet
  seats: PropSet
  signs: SignPlacement[]
}

/** Floor UVs follow world x/z so the stone pattern runs continuously across all zones. */
function worldUv(g: BufferGeometry, size: number): BufferGeometry {
  const pos = g.getAttribute('position')
  const uv = g.getAttribute('uv')
  for (let i = 0; i < pos.count; i++) uv.setXY(i, pos.getX(i) / size, -pos.getZ(i) / size)
  uv.needsUpdate = true
  return g
}

/** Builds every piece of the static branch. Pure geometry: safe to call outside a browser. */
export function buildBranch(): BranchGeometry {
  const parts = createParts()
  addShell(parts)
  addWalls(parts)
  addAtrium(parts)
  addReception(parts)
  addSuites(parts)
  addSandbox(parts)
  addAuditorium(parts)
  return {
    floor: worldUv(parts.floor.build(), FLOOR_TEXTURE_SIZE),
    matte: parts.matte.build(),
    satin: parts.satin.build(),
    glass: parts.glass.build(),
    glow: parts.glow.build(),
    columns: { ...parts.columns, geometry: columnGeometry(WALL.atriumHeight) },
    plants: { ...parts.plants, geometry: plantGeometry() },
    chairs: { ...parts.chairs, geometry: chairGeometry() },
    seats: { ...parts.seats, geometry: seatGeometry() },
    signs: parts.signs,
  }
}

/** Releases the GPU buffers of everything `buildBranch` made. */
export function disposeBranch(b: BranchGeometry): void {
  for (const g of [b.floor, b.matte, b.satin, b.glass, b.glow]) g.dispose()
  for (const p of [b.columns, b.plants, b.chairs, b.seats]) p.geometry.dispose()
}
