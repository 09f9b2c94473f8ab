import { useFrame } from '@react-three/fiber'

import { localPlayer } from '../../player/localPlayer.ts'
import { standUpIfAway } from '../takeSeat.ts'

/**
 * While the visitor sits, watches their feet in the render loop: walking away (keys, joystick, walk-to, a zone
 * jump) stands them up, so the auditorium stops drawing them in the seat and the branch draws them where they are.
 */
export function useSeatKeeper(): void {
  useFrame(() => standUpIfAway(localPlayer.feet.x, localPlayer.feet.z))
}
