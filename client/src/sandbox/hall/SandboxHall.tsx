/** The 3D wealth sandbox hall: grabbable allocation columns, the projection fan, stress replays. */
export function SandboxHall() {
  return null
}
