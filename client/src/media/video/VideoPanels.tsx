/** Remote cameras on panels beside avatars and screen shares on the designated screens. */
export function VideoPanels() {
  return null
}
