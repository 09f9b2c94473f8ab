// Copies the WebXR controller profiles Atrium needs from @webxr-input-profiles/assets into the
// client's public folder, so that @react-three/xr never fetches them from a CDN (stack.md P9).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'node_modules/@webxr-input-profiles/assets/dist/profiles')
const dest = join(root, 'client/public/webxr-profiles')
const PROFILES = [
  'meta-quest-touch-plus',
  'meta-quest-touch-pro',
  'oculus-touch-v3',
  'oculus-touch-v2',
  'generic-trigger',
  'generic-trigger-squeeze',
  'generic-trigger-squeeze-thumbstick',
  'generic-trigger-squeeze-touchpad-thumbstick',
  'generic-hand',
  'generic-button',
]

if (!existsSync(src)) {
  console.error('copy-xr-profiles: @webxr-input-profiles/assets is missing; run npm install')
  process.exit(1)
}
mkdirSync(dest, { recursive: true })
const list = JSON.parse(readFileSync(join(src, 'profilesList.json'), 'utf8'))
const kept = Object.fromEntries(Object.entries(list).filter(([id]) => PROFILES.includes(id)))
writeFileSync(join(dest, 'profilesList.json'), JSON.stringify(kept))
// generic profiles carry 1–4 MB placeholder models each: ship their layouts only
for (const id of PROFILES) {
  if (!existsSync(join(src, id))) continue
  if (id.startsWith('generic-') && id !== 'generic-hand') {
    mkdirSync(join(dest, id), { recursive: true })
    cpSync(join(src, id, 'profile.json'), join(dest, id, 'profile.json'))
  } else cpSync(join(src, id), join(dest, id), { recursive: true })
}
console.log(`copy-xr-profiles: ${Object.keys(kept).length} profiles in client/public/webxr-profiles`)
