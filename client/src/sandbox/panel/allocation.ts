/**
 * Allocation over the asset classes in whole percent that always sum to 100. The implementation lives in
 * `@atrium/common` (sandboxSession/allocation.ts) so the shared sandbox room normalises plans the same way; this
 * module keeps the panel's (and the 3D hall's) import path.
 */
export {
  allocationTotal,
  apportion,
  normalizeAllocation,
  presetAllocation,
  PRESET_NAMES,
  rebalance,
  type Allocation,
  type PresetName,
} from '@atrium/common'
