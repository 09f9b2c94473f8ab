import { Color, Matrix4, type ColorRepresentation } from 'three'

import { MeshBuilder } from './meshBuilder.ts'
import type { SignPlacement } from './signCatalog.ts'

/** Transforms and tints for one InstancedMesh. */
export interface InstanceList {
  matrices: Matrix4[]
  colors: Color[]
}

/**
 * Everything the branch is made of, sorted by how it will be drawn: one merged mesh per material,
 * one InstancedMesh per repeated prop, and the sign planes that share the sign atlas.
 */
export interface BranchParts {
  /** Polished stone, including inlays and the street outside (textured, world-space UVs). */
  floor: MeshBuilder
  /** Rough surfaces: walls, ceilings, upholstery, panels. */
  matte: MeshBuilder
  /** Smoother surfaces: counters, tables, frames, trims, planters. */
  satin: MeshBuilder
  /** Transparent glass with per-vertex opacity (frosted bands are more opaque). */
  glass: MeshBuilder
  /** Unlit, self-coloured surfaces: light panels, LED lines, the blank screens. */
  glow: MeshBuilder
  columns: InstanceList
  plants: InstanceList
  chairs: InstanceList
  seats: InstanceList
  signs: SignPlacement[]
}

/** Empty builders and lists, ready for the zone builders to fill. */
export function createParts(): BranchParts {
  const list = (): InstanceList => ({ matrices: [], colors: [] })
  return {
    floor: new MeshBuilder(),
    matte: new MeshBuilder(),
    satin: new MeshBuilder(),
    glass: new MeshBuilder(true),
    glow: new MeshBuilder(),
    columns: list(),
    plants: list(),
    chairs: list(),
    seats: list(),
    signs: [],
  }
}

/** Adds one instance; the tint multiplies the prop's own vertex colours (white keeps them). */
export function addInstance(list: InstanceList, matrix: Matrix4, tint: ColorRepresentation = '#ffffff'): void {
  list.matrices.push(matrix)
  list.colors.push(new Color(tint))
}
