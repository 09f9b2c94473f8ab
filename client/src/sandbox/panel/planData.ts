/**
 * The planner's plan data. The schema and helpers live in `@atrium/common` (sandboxSession/planData.ts) because the
 * shared sandbox room and the server's PDF report read plans exactly as the panel does; this module keeps the
 * panel's (and the 3D hall's) import path.
 */
export {
  DEFAULT_ASSET_CLASS_IDS as ASSET_CLASS_IDS,
  DEFAULT_INPUTS,
  newPlanData,
  newSeed,
  parsePlanData,
  planExpectedReturn as expectedReturn,
  planSuitability,
  PlanInputsSchema,
  representativeHoldings,
  SandboxPlanDataSchema,
  toSimulationPlan,
  type PlanInputs,
  type SandboxPlanData,
} from '@atrium/common'
