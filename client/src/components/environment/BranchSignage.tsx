import { useThree } from '@react-three/fiber'
import { use, useEffect, useMemo } from 'react'
import { CanvasTexture, SRGBColorSpace } from 'three'

import { drawSignAtlas, loadSignFont } from './signAtlas.ts'
import type { SignPlacement } from './signCatalog.ts'
import { buildSignGeometry } from './signGeometry.ts'

/**
 * Every bilingual sign in the branch as one mesh over one canvas-drawn atlas: a single draw call
 * however many signs there are. Suspends until the bundled CJK font is ready, so wrap it in
 * `<Suspense>`; nothing is fetched from outside the app.
 *
 * @example
 * <Suspense fallback={null}><BranchSignage signs={branch.signs} /></Suspense>
 */
export function BranchSignage({ signs }: { signs: readonly SignPlacement[] }) {
  use(loadSignFont())
  const gl = useThree((s) => s.gl)
  const texture = useMemo(() => {
    const t = new CanvasTexture(drawSignAtlas())
    t.colorSpace = SRGBColorSpace
    t.anisotropy = Math.min(8, gl.capabilities.getMaxAnisotropy())
    return t
  }, [gl])
  const geometry = useMemo(() => buildSignGeometry(signs), [signs])
  useEffect(() => () => texture.dispose(), [texture])
  useEffect(() => () => geometry.dispose(), [geometry])

  return (
    <mesh geometry={geometry} name="branch-signage">
      {/* unlit and outside tone mapping, so the navy and white read exactly as painted */}
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
