import {
  AdditiveBlending,
  BufferAttribute,
  Color,
  CylinderGeometry,
  DoubleSide,
  Matrix3,
  ShaderMaterial,
  Vector2,
  type BufferGeometry,
} from 'three'

import beamFragment from '../../../../shaders/hostBeam.frag.glsl?raw'
import beamVertex from '../../../../shaders/hostBeam.vert.glsl?raw'
import fragmentShader from '../../../../shaders/host.frag.glsl?raw'
import vertexShader from '../../../../shaders/host.vert.glsl?raw'
import { grid } from './hostGeometry.ts'
import { NECK_PIVOT } from './hostHead.ts'

/** Teal-blue hologram tint and rim. */
const TINT = '#5fd4ff'
const RIM = '#b8f3ff'
const BEAM = '#48c8ff'
/** Radius of the projector disc and height of its light cone (m). */
export const PROJECTOR = { radius: 0.42, coneTop: 0.5, height: 1.9 } as const

/** The host's materials: the hologram figure and the projector's additive disc and cone. */
export function createHostMaterials() {
  const figureUniforms = {
    uTime: { value: 0 },
    uFlicker: { value: 1 },
    uOpacity: { value: 1 },
    uTint: { value: new Color(TINT) },
    uRim: { value: new Color(RIM) },
    uHeadRot: { value: new Matrix3() },
    uHeadPivot: { value: NECK_PIVOT.clone() },
    uEye: { value: new Vector2() },
    uBreath: { value: 0 },
  }
  // one transparent pass that still writes depth: parts are merged back to front (body, head,
  // face), so nearer surfaces land last and the hologram never shows its own inside
  const figure = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: figureUniforms,
    vertexColors: true,
    transparent: true,
    depthWrite: true,
  })
  const beamUniforms = (kind: number) => ({
    uTime: figureUniforms.uTime,
    uFlicker: figureUniforms.uFlicker,
    uKind: { value: kind },
    uHeight: { value: PROJECTOR.height },
    uColor: { value: new Color(BEAM) },
  })
  const beam = (kind: number) =>
    new ShaderMaterial({
      vertexShader: beamVertex,
      fragmentShader: beamFragment,
      uniforms: beamUniforms(kind),
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
      side: DoubleSide,
    })
  const disc = beam(0)
  const cone = beam(1)
  return {
    figure,
    disc,
    cone,
    uniforms: figureUniforms,
    dispose() {
      for (const m of [figure, disc, cone]) m.dispose()
    },
  }
}

/** The projector: a disc just above the floor (uv = radius, angle) and an open cone of light. */
export function buildProjector(): { disc: BufferGeometry; cone: BufferGeometry } {
  const disc = grid(48, 4, (u, v, out) => {
    const a = -2 * Math.PI * u
    // laid flat: x = r cos a, z = -r sin a keeps the faces looking up
    return out.set(PROJECTOR.radius * v * Math.cos(a), 0.012, -PROJECTOR.radius * v * Math.sin(a))
  })
  const uv = new Float32Array(49 * 5 * 2)
  for (let j = 0, i = 0; j <= 4; j++) for (let c = 0; c <= 48; c++, i++) uv.set([j / 4, c / 48], i * 2)
  disc.setAttribute('uv', new BufferAttribute(uv, 2))
  const cone = new CylinderGeometry(PROJECTOR.coneTop, PROJECTOR.radius * 0.95, PROJECTOR.height, 32, 1, true)
  cone.translate(0, PROJECTOR.height / 2 + 0.012, 0)
  return { disc, cone }
}
