/** Avatar looks a visitor can choose: a body colour and a head shape. */
export const AVATAR_COLORS = [
  '#e4572e',
  '#f3a712',
  '#29335c',
  '#669bbc',
  '#4c956c',
  '#8e7dbe',
  '#d1495b',
  '#2ec4b6',
] as const
export const AVATAR_SHAPES = ['round', 'cube', 'capsule'] as const
export type AvatarShape = (typeof AVATAR_SHAPES)[number]

/** A look packs into one byte on the wire: shape * 8 + colour. */
export function packLook(color: number, shape: number): number {
  return shape * AVATAR_COLORS.length + color
}

export function unpackLook(look: number): { color: number; shape: number } {
  const color = look % AVATAR_COLORS.length
  const shape = Math.floor(look / AVATAR_COLORS.length) % AVATAR_SHAPES.length
  return { color, shape }
}
