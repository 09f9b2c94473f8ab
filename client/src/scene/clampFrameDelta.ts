import type { RootState } from '@react-three/fiber'

/** Longest simulation step a frame may take (s). */
export const MAX_FRAME_DELTA = 0.1

/**
 * Caps the frame delta every `useFrame` callback receives. After a stall (a background tab, a
 * slow software renderer) an uncapped delta turns into a jump; and the teleport arc of
 * @react-three/xr smooths its direction with a slerp by `delta / 100 ms`, which overshoots and
 * swings wildly once a frame takes longer than 200 ms.
 */
export function clampFrameDelta(state: RootState): void {
  const clock = state.clock
  const getDelta = clock.getDelta.bind(clock)
  clock.getDelta = () => Math.min(getDelta(), MAX_FRAME_DELTA)
}
