/** The advisory suite in 3D during a session: the shared sandbox table and the document/screen wall. */
export function SuiteFurnishings() {
  return null
}
