import { useFrame } from '@react-three/fiber'
import { useStore } from 'zustand'

import { mediaStore } from './mediaStore.ts'

/** Inside the Canvas: moves the audio listener and every voice's panner each frame (no React state). */
export function SpatialAudio() {
  const connection = useStore(mediaStore, (s) => s.connection)
  useFrame(() => connection?.updatePositions(performance.now()))
  return null
}
