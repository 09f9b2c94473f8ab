import { createXRStore } from '@react-three/xr'

/**
 * The one XR store. Controller profiles are served from /webxr-profiles/ (copied from
 * @webxr-input-profiles/assets at build time) because the default points at a CDN, which must
 * never be contacted. The base path must be absolute: the loader resolves files with `new URL`.
 */
export const xrStore = createXRStore({
  baseAssetPath: new URL('/webxr-profiles/', location.href).href,
  emulate: false,
  offerSession: false,
  // the arc is the only controller pointer for now: a straight ray would compete with it for the
  // closest hit (and win on nearby objects), making "point and pull the trigger" unpredictable
  controller: { teleportPointer: true, rayPointer: false, grabPointer: false },
  hand: { teleportPointer: true, touchPointer: false, grabPointer: false },
  frameRate: 'high',
})
