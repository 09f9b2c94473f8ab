import { Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'

import { HEAR_RADIUS, RELEASE_RADIUS, rms, setListenerPose, setPosition, shouldSubscribe } from './spatial.ts'

const param = () => ({ value: 0 })

describe('shouldSubscribe', () => {
  it('hears people nearby in the same zone only', () => {
    expect(shouldSubscribe(3, true, false)).toBe(true)
    expect(shouldSubscribe(HEAR_RADIUS, true, false)).toBe(true)
    expect(shouldSubscribe(3, false, false)).toBe(false)
    expect(shouldSubscribe(3, false, true)).toBe(false)
    expect(shouldSubscribe(NaN, true, true)).toBe(false)
  })

  it('keeps a subscription until the release radius (hysteresis)', () => {
    const between = (HEAR_RADIUS + RELEASE_RADIUS) / 2
    expect(shouldSubscribe(between, true, false)).toBe(false)
    expect(shouldSubscribe(between, true, true)).toBe(true)
    expect(shouldSubscribe(RELEASE_RADIUS + 0.1, true, true)).toBe(false)
  })
})

describe('panner and listener math', () => {
  it('writes positions through AudioParams, or setPosition where the browser lacks them', () => {
    const node = { positionX: param(), positionY: param(), positionZ: param() }
    setPosition(node, 1, 2, 3)
    expect([node.positionX.value, node.positionY.value, node.positionZ.value]).toEqual([1, 2, 3])
    const calls: number[][] = []
    setPosition({ setPosition: (...a: number[]) => calls.push(a) }, 4, 5, 6)
    expect(calls).toEqual([[4, 5, 6]])
  })

  it('orients the listener along the head: -z forward, +y up, turned by yaw', () => {
    const l = {
      positionX: param(),
      positionY: param(),
      positionZ: param(),
      forwardX: param(),
      forwardY: param(),
      forwardZ: param(),
      upX: param(),
      upY: param(),
      upZ: param(),
    }
    const f = new Vector3()
    const u = new Vector3()
    setListenerPose(l, new Vector3(1, 1.6, 2), new Quaternion(), f, u)
    expect([l.positionX.value, l.positionY.value, l.positionZ.value]).toEqual([1, 1.6, 2])
    expect([l.forwardX.value, l.forwardY.value, l.forwardZ.value]).toEqual([0, 0, -1])
    expect([l.upX.value, l.upY.value, l.upZ.value]).toEqual([0, 1, 0])
    // a quarter turn left (yaw +90° about +y) looks down -x
    setListenerPose(l, new Vector3(), new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI / 2), f, u)
    expect(l.forwardX.value).toBeCloseTo(-1)
    expect(l.forwardZ.value).toBeCloseTo(0)
    expect(l.upY.value).toBeCloseTo(1)
  })

  it('measures RMS level', () => {
    expect(rms(new Float32Array(8))).toBe(0)
    expect(rms(Float32Array.from([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5)
    expect(rms(new Float32Array(0))).toBe(0)
  })
})
