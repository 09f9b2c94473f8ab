/** Pale sky seen through the glass street front. */
const SKY = '#dde7ef'

/**
 * The branch's lighting: one hemisphere light for the soft, even fill of a bright interior and one
 * directional light (no shadows) to model shapes. Exactly two dynamic lights, which keeps the
 * shaders cheap on software renderers. Also sets the scene background, so mount it directly
 * under the `<Canvas>` (or the scene root).
 *
 * @example
 * <Canvas><BranchLighting /><BranchEnvironment /></Canvas>
 */
export function BranchLighting({ background = true }: { background?: boolean }) {
  return (
    <>
      {background && <color attach="background" args={[SKY]} />}
      <hemisphereLight args={['#ffffff', '#ece6dc', 3]} />
      <directionalLight color="#fff3e0" intensity={1.8} position={[6, 12, 8]} />
    </>
  )
}
