import { DoubleSide, MeshBasicMaterial, PlaneGeometry } from 'three'

/** One unit quad shared by every panel and screen; each scales its mesh to the picture's shape. */
export const VIDEO_QUAD = new PlaneGeometry(1, 1)

/** A camera panel's material: unlit, seen from both sides (it turns towards the viewer, who may walk around it). */
export function cameraPanelMaterial(): MeshBasicMaterial {
  return new MeshBasicMaterial({ toneMapped: false, side: DoubleSide })
}

/** A screen's material (screen share, slides): unlit, front side only. */
export function screenMaterial(): MeshBasicMaterial {
  return new MeshBasicMaterial({ toneMapped: false })
}
