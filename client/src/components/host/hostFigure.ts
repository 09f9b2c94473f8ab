import type { BufferGeometry } from 'three'

import { buildBody } from './hostBody.ts'
import { mergeParts } from './hostGeometry.ts'
import { buildHead } from './hostHead.ts'

/**
 * The digital host as one indexed geometry (about 8k triangles): body, head and face, with the
 * 15 Oculus visemes, `eyesClosed` and `mouthSmile` as morph targets (see `MORPHS`), a baked
 * colour per vertex and `aPart` (x: how much a vertex turns with the head, y: iris). Standing at
 * the origin, feet at y = 0, facing +z.
 */
export function buildHostFigure(): BufferGeometry {
  return mergeParts([...buildBody(), ...buildHead()])
}
