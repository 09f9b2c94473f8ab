import { useFrame, useThree } from '@react-three/fiber'
import { useRef, type RefObject } from 'react'
import { Vector3, type Group } from 'three'

import { localPlayer } from '../../player/localPlayer.ts'
import type { Allocation } from '../panel/allocation.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { columnInReach, dragAllocation } from './columnMapping.ts'
import { applyAllocation, CLASS_IDS, pressBoardButton, selectColumn } from './hallActions.ts'
import { boardButtonAt } from './hallAtlasLayout.ts'

/** xr-standard gamepad mapping: button 1 is the grip (squeeze). */
const SQUEEZE = 1
const hand = new Vector3()

interface Hold {
  id: string
  start: Allocation
  startY: number
}

/**
 * Grabbing a column in VR: squeeze a controller (or pinch-grip a hand) at a column top and move it up or down;
 * squeezing with the hand on one of the board's buttons presses it.
 * Reads the grip poses PlayerRig leaves in `localPlayer` and the squeeze button from the session's input sources
 * each frame, so it needs no extra pointer on the XR store (its ray and grab pointers stay off, see xrStore.ts).
 */
export function XRColumnGrab({ group }: { group: RefObject<Group | null> }) {
  const gl = useThree((s) => s.gl)
  const holds = useRef<{ left?: Hold; right?: Hold }>({})
  const pressed = useRef({ left: false, right: false })

  useFrame(() => {
    const session = gl.xr.getSession()
    const g = group.current
    if (!session || !gl.xr.isPresenting || !g) return
    for (const source of session.inputSources) {
      const side = source.handedness
      if (side !== 'left' && side !== 'right') continue
      const squeeze = source.gamepad?.buttons[SQUEEZE]?.pressed === true
      g.worldToLocal(hand.copy(localPlayer[side].p))
      const hold = holds.current[side]
      if (squeeze && !pressed.current[side]) {
        const allocation = useSandbox.getState().data.allocation
        const index = columnInReach(hand.x, hand.y, hand.z, CLASS_IDS, allocation)
        const id = index === undefined ? undefined : CLASS_IDS[index]
        if (index !== undefined && id !== undefined) {
          selectColumn(index)
          holds.current[side] = { id, start: { ...allocation }, startY: hand.y }
        } else {
          pressBoardButton(boardButtonAt(hand.x, hand.y, hand.z))
        }
      } else if (squeeze && hold) {
        applyAllocation(dragAllocation(hold.start, hold.id, hand.y - hold.startY))
      } else if (!squeeze) {
        holds.current[side] = undefined
      }
      pressed.current[side] = squeeze
    }
  })
  return null
}
