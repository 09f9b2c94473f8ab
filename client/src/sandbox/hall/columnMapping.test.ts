import { describe, expect, it } from 'vitest'

import { allocationTotal, presetAllocation } from '../panel/allocation.ts'
import { columnInReach, dragAllocation, heightToWeight, nudgeAllocation, weightToHeight } from './columnMapping.ts'
import { COLUMNS, columnX } from './hallLayout.ts'

describe('column height ↔ weight', () => {
  it('round-trips every whole percent and clamps outside 0…100', () => {
    for (let w = 0; w <= 100; w++) expect(heightToWeight(weightToHeight(w))).toBe(w)
    expect(weightToHeight(0)).toBe(COLUMNS.minHeight)
    expect(weightToHeight(100)).toBeCloseTo(COLUMNS.minHeight + COLUMNS.maxHeight)
    expect(heightToWeight(-1)).toBe(0)
    expect(heightToWeight(5)).toBe(100)
    expect(heightToWeight(Number.NaN)).toBe(0)
    expect(weightToHeight(150)).toBe(weightToHeight(100))
  })

  it('a drag changes the grabbed class by the height moved and keeps the total at 100', () => {
    const start = presetAllocation('balanced')
    const up = dragAllocation(start, 'csi300', COLUMNS.maxHeight / 10)
    expect(up.csi300).toBe(start.csi300! + 10)
    expect(allocationTotal(up)).toBe(100)
    for (let dy = -1; dy <= 1; dy += 0.013) expect(allocationTotal(dragAllocation(start, 'gold', dy))).toBe(100)
  })

  it('a drag through 100% and back keeps the other classes in proportion', () => {
    const start = presetAllocation('balanced')
    expect(dragAllocation(start, 'cash', 2).cash).toBe(100)
    const back = dragAllocation(start, 'cash', 0)
    expect(back).toEqual(start)
  })

  it('keyboard nudges move one class by whole percent, clamped, total 100', () => {
    let a = presetAllocation('growth')
    const before = a.reits!
    a = nudgeAllocation(a, 'reits', 5)
    expect(a.reits).toBe(before + 5)
    expect(allocationTotal(a)).toBe(100)
    for (let i = 0; i < 30; i++) a = nudgeAllocation(a, 'reits', -1)
    expect(a.reits).toBe(0)
    expect(allocationTotal(a)).toBe(100)
  })
})

describe('grabbing a column with a hand', () => {
  const ids = ['cash', 'govBonds', 'creditBonds', 'fixedIncomePlus', 'csi300', 'globalEquity', 'gold', 'reits']
  const a = presetAllocation('balanced')

  it('finds the column at a hand near its top, and none beside the row or high above', () => {
    const top = weightToHeight(a.csi300!)
    expect(columnInReach(columnX(4, 8), top, COLUMNS.z, ids, a)).toBe(4)
    expect(columnInReach(columnX(4, 8) + 0.1, top + 0.1, COLUMNS.z + 0.15, ids, a)).toBe(4)
    expect(columnInReach(columnX(0, 8), 0.01, COLUMNS.z, ids, a)).toBe(0)
    expect(columnInReach(columnX(4, 8), top + 0.3, COLUMNS.z, ids, a)).toBeUndefined()
    expect(columnInReach(columnX(4, 8), top, COLUMNS.z + 0.5, ids, a)).toBeUndefined()
    expect(columnInReach(columnX(7, 8) + COLUMNS.spacing, 0.05, COLUMNS.z, ids, a)).toBeUndefined()
    expect(columnInReach(0, -0.2, COLUMNS.z, ids, a)).toBeUndefined()
  })
})
