import { describe, expect, it } from 'vitest'

import { PoseBroadcaster, type Viewer } from '../src/services/PoseBroadcaster.ts'
import { PoseStore, restPose } from '../src/services/PoseStore.ts'

function setup() {
  const store = new PoseStore(8)
  const b = new PoseBroadcaster(store)
  const viewerSlot = store.allocate('atrium')
  store.set(viewerSlot, restPose(0, 5))
  const others = {
    near: store.allocate('atrium'),
    mid: store.allocate('atrium'),
    far: store.allocate('atrium'),
    elsewhere: store.allocate('atrium'),
  }
  store.set(others.near, restPose(2, 5))
  store.set(others.mid, restPose(7, 5))
  store.set(others.far, restPose(-10, -8))
  store.set(others.elsewhere, restPose(-20, -3)) // the sandbox hall
  const received = new Map<number, number>()
  const viewer: Viewer = {
    slot: viewerSlot,
    sent: b.createViewerState(),
    send: (frame) => {
      for (let o = 2; o < frame.length; o += 29) {
        const slot = (frame[o]! << 8) | frame[o + 1]!
        received.set(slot, (received.get(slot) ?? 0) + 1)
      }
    },
  }
  return { store, b, viewer, others, received }
}

describe('PoseBroadcaster interest management', () => {
  it('sends near avatars at 20 Hz, mid at 10 Hz, far and other zones at 5 Hz', () => {
    const { store, b, viewer, others, received } = setup()
    for (let tick = 0; tick < 20; tick++) {
      // everyone moves a little every tick, as real visitors do
      for (const [k, slot] of Object.entries(others)) {
        const base = { near: [2, 5], mid: [7, 5], far: [-10, -8], elsewhere: [-20, -3] }[k]!
        store.set(slot, restPose(base[0]! + tick * 0.001, base[1]!))
      }
      b.broadcast([viewer], tick)
    }
    expect(received.get(others.near)).toBe(20)
    expect(received.get(others.mid)).toBe(10)
    expect(received.get(others.far)).toBe(5)
    expect(received.get(others.elsewhere)).toBe(5)
    expect(received.has(viewer.slot)).toBe(false)
  })

  it('never resends a pose that has not changed', () => {
    const { b, viewer, received } = setup()
    for (let tick = 0; tick < 40; tick++) b.broadcast([viewer], tick)
    expect([...received.values()]).toEqual([1, 1, 1, 1])
  })
})
