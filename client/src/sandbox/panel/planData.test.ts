import { describe, expect, it } from 'vitest'

import { presetAllocation } from './allocation.ts'
import { newPlanData, parsePlanData, planSuitability, representativeHoldings, toSimulationPlan } from './planData.ts'

describe('planner plan data', () => {
  it('round-trips a plan and rejects foreign data', () => {
    const data = newPlanData(42)
    expect(parsePlanData(JSON.parse(JSON.stringify(data)))).toEqual(data)
    expect(parsePlanData({ foo: 1 })).toBeUndefined()
  })

  it('builds the engine plan with weights summing to 1 and the goal in months', () => {
    const plan = toSimulationPlan(newPlanData(1))
    const total = Object.values(plan.allocation).reduce((a, b) => a + b, 0)
    expect(total).toBeCloseTo(1, 9)
    expect(plan.horizonMonths).toBe(120)
    expect(plan.goals?.[0]?.month).toBe(120)
  })

  it('rates the plan from the product catalogue', () => {
    const conservative = presetAllocation('conservative')
    expect(representativeHoldings(conservative).length).toBeGreaterThan(0)
    expect(planSuitability(conservative, undefined)?.risk).toBe('R2')
    expect(planSuitability(presetAllocation('growth'), undefined)?.risk).toBe('R4')
    expect(planSuitability(conservative, undefined)?.status).toBe('missing')
  })
})
